namespace Impactkaart.Engine.Tests;

/// <summary>The two published Impactkaart examples our model must reproduce, all answers "as the reference".</summary>
public sealed class PublishedExamplesTests
{
    [Fact]
    public void Budget_coaching_for_80_participants_at_90000_euro_returns_1_9()
    {
        // Hand-worked (the project's calibration derivation), per participant, discount 1 / 1.0225 = 0.978 a year:
        // social assistance 0.96 x 0.75 x 0.75 = 0.54 months x (1,379.45 + 240.25 x 1.2589) = 908.23, x 0.978 = 888.25;
        // later social work (calibrated) 6.75 x 0.70 x 0.80 = 3.78 contacts x 136.18 x (0.978 + 0.5 x 0.956) = 749.59;
        // debt trajectories 0.112 x 2,500 x 0.978 = 273.84; evictions 0.0084 x 17,500 x 0.978 = 143.77;
        // collection costs 0.273 x 300 = 81.90 (year 0). Together 2,137.35 x 80 = 170,988 / 90,000 = 1.900.
        var model = Helpers.Shipped;
        var map = Helpers.Compute(model, Helpers.Input(model, "budgetcoaching", 80, 90_000m));

        Assert.InRange(map.Ratio!.Value.Value, 1.895m, 1.905m);
        Helpers.Near(170_988m, map.Benefits.Euros, 5m);
    }

    [Fact]
    public void Budget_coaching_benefits_are_led_by_avoided_benefit_payments_and_avoided_future_social_work()
    {
        var model = Helpers.Shipped;
        var map = Helpers.Compute(model, Helpers.Input(model, "budgetcoaching", 80, 90_000m));

        Assert.Equal("inkomen", map.ByDomain[0].Domain.Id);
        var largestOutcomes = map.ByOutcome.OrderByDescending(o => o.Benefits).Take(2).Select(o => o.Outcome.Id).ToList();
        Assert.Equal(["kortere-bijstand", "minder-sociaal-werk-later"], largestOutcomes);
        // Together they carry the example: 888.25 + 749.59 = 1,637.84 of 2,137.35 euro per participant (77%).
        var leading = map.ByOutcome.Where(o => largestOutcomes.Contains(o.Outcome.Id)).Sum(o => o.Benefits.Euros);
        Assert.True(leading > 0.7m * map.Benefits.Euros);
        // The avoided benefit payments are a transfer: the welfare view is clearly lower than the financial one.
        Assert.True(map.WelfareRatio!.Value < map.Ratio!.Value);
    }

    [Fact]
    public void Budget_coachings_later_social_work_is_calibrated_to_the_example_and_cites_no_source()
    {
        var outcome = Helpers.Shipped.FindReferenceProject("budgetcoaching")!.Outcomes.Single(o => o.Id == "minder-sociaal-werk-later");

        Assert.True(outcome.Effect.Basis.IsCalibrated);
        Assert.Null(outcome.Effect.Basis.Source);
        Assert.NotNull(outcome.Effect.Basis.Assumption);
        Assert.True(outcome.EffectIsAssumed);
    }

    [Fact]
    public void Home_visits_for_40_older_people_at_37000_euro_return_1_2()
    {
        // Hand-worked (the project's calibration derivation), per participant at 2024 prices (2022 x 1.0723):
        // 12.42 h household help x 35.13 + 10.08 h personal care x 61.74 + 3 GP consultations x 33.10 + 0.9 visits x 46.44
        // + 2.7 talks x 22.36 = 1,260.09, less informal care 0.5 x 12.42 x 20.16 = 125.20: 1,134.89, x 0.978 = 1,109.92;
        // x 40 = 44,397 / 37,000 = 1.20.
        var model = Helpers.Shipped;
        var map = Helpers.Compute(model, Helpers.Input(model, "huisbezoek-ouderen", 40, 37_000m));

        Assert.InRange(map.Ratio!.Value.Value, 1.195m, 1.205m);
        Helpers.Near(44_397m, map.Benefits.Euros, 5m);
    }

    [Fact]
    public void Home_visits_postponed_care_is_contradicted_by_trials_and_only_calibrated()
    {
        // Mayo-Wilson et al. 2014 (64 RCTs): no effect on institutionalisation, hospitalisation or independent living.
        var project = Helpers.Shipped.FindReferenceProject("huisbezoek-ouderen")!;

        foreach (var id in new[] { "uitstel-huishoudelijke-hulp", "minder-persoonlijke-verzorging" })
        {
            var outcome = project.Outcomes.Single(o => o.Id == id);
            Assert.Equal(Impactkaart.Engine.Model.EvidenceGrade.Contradicted, outcome.Evidence);
            Assert.True(outcome.Effect.Basis.IsCalibrated);
            Assert.Null(outcome.Effect.Basis.Source);
            Assert.Contains("Mayo-Wilson", outcome.EvidenceBasis!.En, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Home_visits_subtract_the_informal_care_that_takes_over_household_help()
    {
        var outcome = Helpers.Shipped.FindReferenceProject("huisbezoek-ouderen")!.Outcomes.Single(o => o.Id == "uitstel-huishoudelijke-hulp");

        Assert.Contains(outcome.Prices, l => l.Price.Id == "mantelzorg-uur" && l.Quantity < 0m);
    }

    [Fact]
    public void Home_visits_save_about_900_hours_of_nursing_and_care_and_100_hours_of_other_care_professionals()
    {
        var model = Helpers.Shipped;
        var map = Helpers.Compute(model, Helpers.Input(model, "huisbezoek-ouderen", 40, 37_000m));

        var bySector = map.HoursBySector().ToDictionary(s => s.Sector.Id, s => s.Hours.Value);
        Assert.InRange(bySector["verpleging-verzorging"], 855m, 945m);
        var otherCare = bySector.GetValueOrDefault("eerste-lijn") + bySector.GetValueOrDefault("tweede-lijn");
        Assert.InRange(otherCare, 90m, 110m);
    }

    [Fact]
    public void Home_visits_do_not_claim_fewer_nursing_home_admissions()
    {
        var model = Helpers.Shipped;
        var project = model.FindReferenceProject("huisbezoek-ouderen")!;
        var map = Helpers.Compute(model, Helpers.Input(model, "huisbezoek-ouderen", 40, 37_000m));

        Assert.Contains(project.NotClaimed, n => n.Id == "verpleeghuisopname");
        Assert.DoesNotContain(project.Outcomes.SelectMany(o => o.Prices), l => l.Price.Id == "verpleeghuisdag");
        Assert.DoesNotContain(map.ByPayer, p => p.Payer.Id == "wlz");
    }
}
