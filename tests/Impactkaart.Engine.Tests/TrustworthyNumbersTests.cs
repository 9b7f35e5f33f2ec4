using System.Text.Json.Nodes;
using Impactkaart.Engine.Calculation;

namespace Impactkaart.Engine.Tests;

/// <summary>
/// The rules that make a map hold up to a critical funder, worked out by hand on <see cref="TinyModel"/>: intensity,
/// the money and welfare views, measured values as gross changes, exclusive outcomes with a cap, evidence grades in
/// the simulation and draws that move together. The tiny project's usual cost is 100 euro per participant; its one
/// outcome gives 1,786.797 euro at 10 participants (see <see cref="HandWorkedTests"/>).
/// </summary>
public sealed class TrustworthyNumbersTests
{
    private const decimal R = 1.0225m;
    private const decimal Care = 1200m + (600m / R);

    [Fact]
    public void Below_the_usual_cost_per_participant_the_effects_shrink_with_diminishing_returns()
    {
        // 10 participants for 250 euro: 25 per participant, a quarter of the usual 100. Factor 0.25^0.75 = 2^-1.5 = 0.353553.
        // Benefits 1,786.797 x 0.353553 = 631.73; ratio 631.73 / 250 = 2.527, against 1.787 at the usual cost:
        // a quarter of the cost gives 1.414 (= 4^0.25) times the ratio, not 4 times.
        var model = new TinyModel().Build();
        var map = Helpers.Compute(model, Helpers.Input(model, "proef", 10, 250m));

        Helpers.Near(0.353553m, map.Intensity.Factor);
        Helpers.Near(Care * 0.353553m, map.Benefits.Euros, 0.001m);
        Helpers.Near(0.353553m, map.ByOutcome.Single().IntensityFactor);
        Helpers.Near(2m * 0.353553m, map.ByOutcome.Single().GrossEffectPerParticipant);
        Helpers.Near(25m, map.Intensity.CostPerParticipant.Euros);
    }

    [Fact]
    public void Above_the_usual_cost_per_participant_more_money_buys_no_more_effect()
    {
        // 10 participants for 3,000 euro: 300 per participant. Effects stay at the reference: benefits 1,786.797, ratio 0.5956.
        var model = new TinyModel().Build();
        var map = Helpers.Compute(model, Helpers.Input(model, "proef", 10, 3000m));

        Assert.Equal(1m, map.Intensity.Factor);
        Helpers.Near(Care, map.Benefits.Euros);
        Helpers.Near(Care / 3000m, map.Ratio!.Value.Value);
    }

    [Fact]
    public void A_tenth_of_the_usual_cost_gives_at_most_twice_the_ratio()
    {
        // 10 x 10 euro: factor 0.1^0.75 = 0.177828; ratio 1,786.797 x 0.177828 / 100 = 3.1774 = 1.7783 (10^0.25) x 1.7868.
        var model = new TinyModel().Build();
        var usual = Helpers.Compute(model, Helpers.Input(model, "proef", 10, 1000m)).Ratio!.Value.Value;
        var tenth = Helpers.Compute(model, Helpers.Input(model, "proef", 10, 100m)).Ratio!.Value.Value;

        Helpers.Near(1.778279m, tenth / usual, 0.00001m);
    }

    [Theory]
    [InlineData(1000, "", Comparability.Comparable)] // 100 per participant: the usual cost
    [InlineData(510, "", Comparability.Comparable)] // 51: above half of the lower end (50)
    [InlineData(400, "cost-per-participant-low", Comparability.Unusual)] // 40: below half of 100
    [InlineData(150, "not-comparable-low", Comparability.NotComparable)] // 15: below a fifth of 100
    [InlineData(2500, "cost-per-participant-high", Comparability.Unusual)] // 250: above twice 100
    [InlineData(4500, "not-comparable-high", Comparability.NotComparable)] // 450: above four times 100
    public void The_map_warns_when_the_cost_per_participant_is_far_from_the_usual_range(int cost, string code, Comparability comparability)
    {
        var model = new TinyModel().Build();
        var map = Helpers.Compute(model, Helpers.Input(model, "proef", 10, cost));

        Assert.Equal(comparability, map.Intensity.Comparability);
        if (code.Length == 0)
        {
            Assert.Empty(map.Warnings);
            return;
        }
        var warning = Assert.Single(map.Warnings);
        Assert.Equal(code, warning.Code);
        Assert.Contains("per deelnemer", warning.Message.Nl, StringComparison.Ordinal);
        Assert.Contains("Proef", warning.Message.Nl, StringComparison.Ordinal);
        Assert.Contains("per participant", warning.Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_shipped_reference_project_at_a_tenth_of_its_usual_cost_gets_at_most_twice_the_ratio_and_a_warning()
    {
        var model = Helpers.Shipped;
        foreach (var project in model.ReferenceProjects)
        {
            var typical = project.TypicalCostPerParticipant.Central;
            var usual = Helpers.Compute(model, Helpers.Input(model, project.Id, 100, 100m * typical));
            var tenth = Helpers.Compute(model, Helpers.Input(model, project.Id, 100, 10m * typical));

            Assert.True(tenth.Ratio!.Value.Value <= 2m * usual.Ratio!.Value.Value, $"{project.Id}: {tenth.Ratio} against {usual.Ratio}");
            Assert.Contains(tenth.Warnings, w => w.Code == "not-comparable-low");
            Assert.Empty(usual.Warnings);
        }
    }

    [Fact]
    public void A_wellbeing_value_counts_in_the_welfare_view_and_never_in_the_headline()
    {
        // A second outcome: 0.01 QALY per participant at 50,000 euro (2024 prices), no deadweight, full attribution,
        // in year 0: 10 x 0.01 x 50,000 = 5,000 of wellbeing. Headline (money) = 1,786.797; welfare = 1,786.797 + 5,000.
        var tiny = new TinyModel();
        tiny.Files["prices/test.json"]["prices"]!.AsArray().Add(JsonNode.Parse("""
            { "id": "qaly", "label": { "nl": "QALY", "en": "QALY" }, "unit": "uur", "priceYear": 2024, "payer": "zorgverzekeraar",
              "domain": "zorg", "kind": "wellbeing", "value": { "central": 50000, "source": "bron-a" }, "labour": [] }
            """));
        tiny.Project["outcomes"]!.AsArray().Add(JsonNode.Parse("""
            { "id": "welzijn", "label": { "nl": "Welzijn", "en": "Wellbeing" }, "description": { "nl": "d", "en": "d" }, "unit": "uur",
              "effect": { "central": 0.01, "source": "bron-a" }, "deadweight": { "central": 0, "source": "bron-a" },
              "attribution": { "central": 1, "source": "bron-a" }, "startsAfterMonths": 0, "durationYears": 1,
              "dropOff": { "central": 0, "source": "bron-a" }, "evidence": "limited", "evidenceBasis": { "nl": "Een studie.", "en": "A study." },
              "prices": [ { "price": "qaly", "unit": "uur", "quantity": 1 } ] }
            """));
        var model = tiny.Build();
        var map = Helpers.Compute(model, Helpers.Input(model, "proef", 10, 1000m), draws: 500);

        Helpers.Near(Care, map.Benefits.Euros);
        Helpers.Near(Care + 5000m, map.WelfareBenefits.Euros);
        Helpers.Near(5000m, map.WellbeingBenefits.Euros);
        Helpers.Near(Care / 1000m, map.Ratio!.Value.Value);
        Helpers.Near((Care + 5000m) / 1000m, map.WelfareRatio!.Value.Value);
        Assert.DoesNotContain(map.ByPayer, p => p.Amount.Euros == 5000m);
        Assert.True(map.Uncertainty!.WelfareRatioP50 > map.Uncertainty.RatioP90);
    }

    [Fact]
    public void A_measured_value_is_the_gross_change_so_answers_and_intensity_do_not_touch_it_but_deadweight_and_attribution_do()
    {
        // Evaluation at 25 euro per participant with answer v1 = laag (x 0.5): the measured 3 hours is the real project's own
        // change among its participants, so neither applies. Net = 3 x (1 - 0.25) x 0.8 = 1.8; 10 x 1.8 = 18 hours in year 0
        // and 9 in year 1: 1,800 + 900 / 1.0225.
        var model = new TinyModel().Build();
        var map = Helpers.Compute(model, Helpers.Input(model, "proef", 10, 250m, r =>
        {
            r.Phase = "evaluatie";
            r.Answers["v1"] = "laag";
            r.Measured["minder-zorg"] = "3";
        }));

        var outcome = map.ByOutcome.Single();
        Assert.Equal(3m, outcome.GrossEffectPerParticipant);
        Helpers.Near(1.8m, outcome.NetEffectPerParticipant);
        Assert.Equal(1m, outcome.Multiplier);
        Assert.Equal(1m, outcome.IntensityFactor);
        Helpers.Near(1800m + (900m / R), map.Benefits.Euros);
    }

    [Fact]
    public void Mutually_exclusive_outcomes_together_never_exceed_their_cap()
    {
        // Two branches of one path, 0.2 and 0.1 per participant, no deadweight, full attribution: net 0.3 > cap 0.15,
        // so each is halved: 0.1 and 0.05. Benefit months x 1,100 euro: 10 x (0.1 + 0.05) x 1,100 = 1,650.
        var tiny = new TinyModel();
        foreach (var (id, share) in new[] { ("tak-a", 0.2m), ("tak-b", 0.1m) })
        {
            tiny.Project["outcomes"]!.AsArray().Add(JsonNode.Parse($$"""
                { "id": "{{id}}", "label": { "nl": "{{id}}", "en": "{{id}}" }, "description": { "nl": "d", "en": "d" }, "unit": "maand",
                  "effect": { "central": {{share}}, "source": "bron-a" }, "deadweight": { "central": 0, "source": "bron-a" },
                  "attribution": { "central": 1, "source": "bron-a" }, "startsAfterMonths": 0, "durationYears": 1,
                  "dropOff": { "central": 0, "source": "bron-a" }, "evidence": "limited", "evidenceBasis": { "nl": "Een studie.", "en": "A study." },
                  "prices": [ { "price": "uitkering", "unit": "maand", "quantity": 1 } ] }
                """));
        }
        tiny.Project["exclusive"] = JsonNode.Parse("""
            [ { "id": "pad", "label": { "nl": "Pad", "en": "Path" }, "outcomes": [ "tak-a", "tak-b" ], "cap": { "central": 0.15, "source": "bron-a" } } ]
            """);
        var model = tiny.Build();
        var map = Helpers.Compute(model, Helpers.Input(model, "proef", 10, 1000m), draws: 300);

        var a = map.ByOutcome.Single(o => o.Outcome.Id == "tak-a");
        var b = map.ByOutcome.Single(o => o.Outcome.Id == "tak-b");
        Helpers.Near(0.1m, a.NetEffectPerParticipant);
        Helpers.Near(0.05m, b.NetEffectPerParticipant);
        Helpers.Near(0.5m, a.CapFactor);
        Helpers.Near(1650m, a.Benefits.Euros + b.Benefits.Euros);
        // The ranges of the tiny outcome still vary; the capped branches never add more than 1,650 in any draw, so the
        // best draw stays below the best draw of the care outcome plus 1,650.
        Assert.True(map.Uncertainty!.RatioP90.Value <= (Care * 1.5m * 0.9m / 0.75m * 1.2m + 1650m) / 1000m);
    }

    [Fact]
    public void An_effect_is_absent_in_the_share_of_draws_its_evidence_grade_sets()
    {
        // No ranges; moderate evidence absent in 30% of draws. Present: ratio 1.787 (> 1); absent: 0. So P(ratio > 1) is
        // about 0.70 (10,000 draws: within 0.02), P10 is 0 and P90 the central ratio.
        var tiny = Collapsed(new TinyModel().WithAbsence(0m, 0.3m, 0.3m, 0.3m, 0.3m));
        var model = tiny.Build();
        var map = Helpers.Compute(model, Helpers.Input(model, "proef", 10, 1000m), draws: 10_000);

        var u = map.Uncertainty!;
        Assert.InRange(u.ProbabilityRatioAboveOne.Value, 0.68m, 0.72m);
        Assert.Equal(0m, u.RatioP10.Value);
        Helpers.Near(map.Ratio!.Value.Value, u.RatioP90.Value, 0.00001m);
        var presence = Assert.Single(u.Drivers, d => d.Id == "presence:minder-zorg");
        Assert.Equal(0m, presence.RatioAtLow.Value);
        Assert.Contains("redelijk", presence.Kind.Nl, StringComparison.Ordinal);
    }

    [Fact]
    public void A_measured_effect_is_never_left_out()
    {
        var tiny = Collapsed(new TinyModel().WithAbsence(0m, 0.5m, 0.5m, 0.5m, 0.5m));
        var model = tiny.Build();
        var map = Helpers.Compute(model, Helpers.Input(model, "proef", 10, 1000m, r =>
        {
            r.Phase = "evaluatie";
            r.Measured["minder-zorg"] = "2";
        }), draws: 1000);

        Assert.Equal(1m, map.Uncertainty!.ProbabilityRatioAboveOne.Value);
        Assert.Equal(0m, map.ByOutcome.Single().AbsenceProbability);
    }

    [Fact]
    public void The_effects_of_one_project_are_drawn_together()
    {
        // A copy of the outcome beside it: drawn together, every draw of the pair is exactly twice a draw of the single
        // outcome (same random numbers: the shared effect number, the shared judgement number, the one price), so its
        // percentiles are exactly twice the single outcome's. Independent draws would have narrowed the spread.
        var single = new TinyModel().Build();
        var pairTiny = new TinyModel();
        var copy = pairTiny.Outcome.DeepClone().AsObject();
        copy["id"] = "minder-zorg-2";
        pairTiny.Project["outcomes"]!.AsArray().Add(copy);
        var pair = pairTiny.Build();

        var one = Helpers.Compute(single, Helpers.Input(single, "proef", 10, 1000m), draws: 2000).Uncertainty!;
        var two = Helpers.Compute(pair, Helpers.Input(pair, "proef", 10, 1000m), draws: 2000).Uncertainty!;

        Helpers.Near(2m * one.RatioP10.Value, two.RatioP10.Value, 0.00001m);
        Helpers.Near(2m * one.RatioP90.Value, two.RatioP90.Value, 0.00001m);
    }

    [Fact]
    public void A_step_3_answer_is_itself_uncertain()
    {
        // Answer spread 0.5..1.5: the answer x 0.5 (v1 = laag) becomes 0.25..0.75 in the draws; with no other range the
        // ratio spans 0.25 / 0.5 .. 0.75 / 0.5 of its central value.
        var tiny = Collapsed(new TinyModel());
        tiny.Settings["evidence"]!["answerSpread"] = JsonNode.Parse("""{ "central": 1, "low": 0.5, "high": 1.5, "source": "bron-a" }""");
        var model = tiny.Build();
        var map = Helpers.Compute(model, Helpers.Input(model, "proef", 10, 1000m, r => r.Answers["v1"] = "laag"), draws: 2000);

        var driver = Assert.Single(map.Uncertainty!.Drivers);
        Assert.Equal("answer:v1", driver.Id);
        Helpers.Near(0.25m, driver.Low);
        Helpers.Near(0.75m, driver.High);
        Helpers.Near(map.Ratio!.Value.Value * 0.5m, driver.RatioAtLow.Value, 0.00001m);
        Helpers.Near(map.Ratio!.Value.Value * 1.5m, driver.RatioAtHigh.Value, 0.00001m);
    }

    [Fact]
    public void The_share_of_benefits_resting_on_assumptions_is_on_the_map()
    {
        // The care outcome is measured (a source, no assumption): 1,786.797. The benefit outcome becomes an assumption:
        // 11,000. Assumed share = 11,000 / 12,786.797 = 0.8603.
        var tiny = new TinyModel().WithBenefitOutcome();
        tiny.Project["outcomes"]![1]!["effect"] = JsonNode.Parse("""{ "central": 1, "assumption": { "nl": "a", "en": "a" } }""");
        var model = tiny.Build();
        var map = Helpers.Compute(model, Helpers.Input(model, "proef", 10, 1000m));

        Helpers.Near(Math.Round(11000m / (Care + 11000m), 4), map.Evidence.AssumedShare.Value);
        Assert.Equal(0m, map.Evidence.CalibratedShare.Value);
        Assert.Equal(2, map.Evidence.ByGrade.Count);
    }

    [Fact]
    public void A_calibrated_effect_counts_as_assumed_and_never_as_evidence()
    {
        var tiny = new TinyModel();
        tiny.Outcome["effect"] = JsonNode.Parse("""{ "central": 2, "low": 1, "high": 3, "calibrated": true, "assumption": { "nl": "afgeleid", "en": "derived" } }""");
        var model = tiny.Build();
        var map = Helpers.Compute(model, Helpers.Input(model, "proef", 10, 1000m));

        Assert.Equal(1m, map.Evidence.AssumedShare.Value);
        Assert.Equal(1m, map.Evidence.CalibratedShare.Value);
        Assert.Equal("calibrated", Contract.MapContract.EffectBasis(map.ByOutcome.Single()));
    }

    [Fact]
    public void The_range_is_explained_by_a_contradicted_effect_when_one_carries_the_map()
    {
        var tiny = new TinyModel().WithAbsence(0m, 0m, 0m, 0m, 0.8m);
        tiny.Outcome["evidence"] = "contradicted";
        var model = tiny.Build();
        var map = Helpers.Compute(model, Helpers.Input(model, "proef", 10, 1000m), draws: 1000);

        Assert.Contains("'Minder zorg'", map.Uncertainty!.Explanation.Nl, StringComparison.Ordinal);
        Assert.Contains("omdat alle baten komen uit 'Minder zorg'", map.Uncertainty.Explanation.Nl, StringComparison.Ordinal);
        Assert.Contains("'Less care'", map.Uncertainty.Explanation.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Otherwise_the_range_is_explained_by_its_largest_driver()
    {
        var model = new TinyModel().Build();
        var map = Helpers.Compute(model, Helpers.Input(model, "proef", 10, 1000m), draws: 500);

        Assert.StartsWith("De bandbreedte komt vooral van het effect per deelnemer bij 'Minder zorg'; geen van de baten rust op aannames",
            map.Uncertainty!.Explanation.Nl, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_quantity_subtracts_the_time_of_informal_carers()
    {
        // The care hour (100) minus one hour of an informal carer valued at 20 euro: 80 per unit. Benefits x 0.8.
        var tiny = new TinyModel();
        tiny.Files["prices/test.json"]["prices"]!.AsArray().Add(JsonNode.Parse("""
            { "id": "mantelzorg-uur", "label": { "nl": "Uur mantelzorg", "en": "Informal care hour" }, "unit": "uur", "priceYear": 2024,
              "payer": "zorgverzekeraar", "domain": "zorg", "kind": "resource", "value": { "central": 20, "source": "bron-a" }, "labour": [] }
            """));
        tiny.Outcome["prices"]!.AsArray().Add(JsonNode.Parse("""{ "price": "mantelzorg-uur", "unit": "uur", "quantity": -1, "source": "bron-a" }"""));
        var model = tiny.Build();
        var map = Helpers.Compute(model, Helpers.Input(model, "proef", 10, 1000m));

        Helpers.Near(Care * 0.8m, map.Benefits.Euros);
    }

    private static TinyModel Collapsed(TinyModel tiny)
    {
        tiny.Outcome["effect"] = JsonNode.Parse("""{ "central": 2, "source": "bron-a" }""");
        tiny.Outcome["deadweight"] = JsonNode.Parse("""{ "central": 0.25, "source": "bron-a" }""");
        tiny.CarePrice["value"] = JsonNode.Parse("""{ "central": 100, "source": "bron-a" }""");
        return tiny;
    }
}
