namespace Impactkaart.Engine.Tests;

/// <summary>Small maps worked out by hand on <see cref="TinyModel"/>; the working is in each test's comment.</summary>
public sealed class HandWorkedTests
{
    private const decimal R = 1.0225m;

    [Fact]
    public void One_outcome_over_two_years_with_drop_off()
    {
        // 10 participants, 1,000 euro, 12 months. Net effect = 2 x (1 - 0.25) x 0.8 = 1.2 hours per participant.
        // The average participant starts at month 6, the effect at once: first effect year (6 + 0) / 12 = 0.
        // Year 0: 10 x 1.2 = 12 hours x 100 euro x 1 = 1,200. Year 1: 12 x (1 - 0.5) = 6 hours x 100 / 1.0225 = 586.797...
        // Benefits 1,786.797; costs 1,000 (all in year 0); ratio 1.786797; NPV 786.797.
        // Hours saved (12 + 6) x 0.5 = 9, FTE 9 / 1,500 = 0.006.
        // Payback within year 0: costs 1,000 over benefits 1,200 of that year = 0.8333 years.
        // Break-even: 10 x 1,000 / 1,786.797 = 5.6, so 6 participants; effects may shrink to 1,000 / 1,786.797 = 0.5597.
        var model = new TinyModel().Build();
        var map = Helpers.Compute(model, Helpers.Input(model, "proef", 10, 1000m));

        var expectedBenefits = 1200m + 600m / R;
        Helpers.Near(expectedBenefits, map.Benefits.Euros);
        Helpers.Near(1000m, map.Costs.Euros);
        Helpers.Near(expectedBenefits / 1000m, map.Ratio!.Value.Value);
        Helpers.Near(expectedBenefits - 1000m, map.NetPresentValue.Euros);
        Helpers.Near(expectedBenefits, map.WelfareBenefits.Euros);
        Helpers.Near(9m, map.HoursSaved.Value);
        Helpers.Near(0.006m, map.Labour.Single().Fte);
        Helpers.Near(1000m / 1200m, map.Payback!.Value.Value);
        Assert.Equal(6, map.BreakEven.Participants);
        Helpers.Near(1000m / expectedBenefits, map.BreakEven.EffectShare!.Value.Value);
        Helpers.Near(expectedBenefits / 10m, map.BenefitPerParticipant.Euros);
        Assert.Equal("zorgverzekeraar", Assert.Single(map.ByPayer).Payer.Id);
    }

    [Fact]
    public void A_transfer_counts_in_the_financial_view_and_not_in_the_welfare_view()
    {
        // The benefit outcome avoids 1 month per participant of a 1,000 euro benefit priced in 2023; the CPI
        // rises 10% in 2024, the model's price year, so a month is worth 1,100. 10 x 1 x 1,100 = 11,000 in year 0.
        // Financial benefits = 1,786.797 (care) + 11,000; welfare benefits = 1,786.797 only.
        var model = new TinyModel().WithBenefitOutcome().Build();
        var map = Helpers.Compute(model, Helpers.Input(model, "proef", 10, 1000m));

        var care = 1200m + 600m / R;
        Helpers.Near(care + 11000m, map.Benefits.Euros);
        Helpers.Near(care, map.WelfareBenefits.Euros);
        Helpers.Near(care / 1000m, map.WelfareRatio!.Value.Value);
        var municipality = map.ByPayer.Single(p => p.Payer.Id == "gemeente");
        Helpers.Near(11000m, municipality.Amount.Euros);
        Helpers.Near(11000m, municipality.Transfers.Euros);
        Assert.Equal("gemeente", map.ByPayer[0].Payer.Id);
    }

    [Fact]
    public void An_answer_multiplies_the_effect()
    {
        // Answer v1 = laag has multiplier 0.5: every unit halves, so benefits halve: 1,786.797 / 2.
        var model = new TinyModel().Build();
        var map = Helpers.Compute(model, Helpers.Input(model, "proef", 10, 1000m, r => r.Answers["v1"] = "laag"));

        Helpers.Near((1200m + 600m / R) / 2m, map.Benefits.Euros);
        Assert.Equal(0.5m, map.ByOutcome.Single().Multiplier);
    }

    [Fact]
    public void A_two_year_project_spreads_and_discounts_its_costs_and_starts_its_effect_a_year_later()
    {
        // 24 months, 2,400 euro: 1,200 in year 0 and 1,200 / 1.0225 in year 1; costs PV 2,373.594.
        // The average participant starts at month 12, so the effect starts in year (12 + 0) / 12 = 1:
        // 12 hours x 100 / 1.0225 + 6 hours x 100 / 1.0225^2 = 1,173.594 + 573.886 = 1,747.479.
        // Cumulative benefits never reach cumulative costs: no payback.
        var model = new TinyModel().Build();
        var map = Helpers.Compute(model, Helpers.Input(model, "proef", 10, 2400m, r => r.Months = "24"));

        Helpers.Near(1200m + 1200m / R, map.Costs.Euros);
        Helpers.Near(1200m / R + 600m / (R * R), map.Benefits.Euros);
        Assert.Null(map.Payback);
        Assert.Equal(0m, map.PerYear[0].Benefits.Euros);
        Assert.Equal(3, map.PerYear.Count);
    }

    [Fact]
    public void A_measured_outcome_replaces_the_reference_effect_in_the_evaluation()
    {
        // Measured 4 hours per participant instead of the reference 2: net 4 x 0.75 x 0.8 = 2.4, twice the benefits.
        var model = new TinyModel().Build();
        var map = Helpers.Compute(model, Helpers.Input(model, "proef", 10, 1000m, r =>
        {
            r.Phase = "evaluatie";
            r.Measured["minder-zorg"] = "4";
        }));

        Helpers.Near(2m * (1200m + 600m / R), map.Benefits.Euros);
        Assert.True(map.ByOutcome.Single().Measured);
    }

    [Fact]
    public void A_discount_rate_of_zero_leaves_later_years_undiscounted()
    {
        // 1,200 + 600 at face value.
        var model = new TinyModel().Build();
        var map = Helpers.Compute(model, Helpers.Input(model, "proef", 10, 1000m, r => r.DiscountRate = "0"));

        Helpers.Near(1800m, map.Benefits.Euros);
    }

    [Fact]
    public void Own_hours_are_estimated_from_staff_costs_when_not_given()
    {
        // Staff 600 euro at the own profession's 60 euro an hour = 10 hours = 10 / 1,500 FTE.
        var model = new TinyModel().Build();
        var input = Helpers.Input(model, "proef", 10, 0m, r =>
        {
            r.Cost = null;
            r.StaffCost = "600";
            r.MaterialCost = "400";
        });
        var map = Helpers.Compute(model, input);

        Helpers.Near(1000m, map.Costs.Euros);
        Assert.True(map.OwnHours!.Estimated);
        Helpers.Near(10m, map.OwnHours.Hours.Value);
        Helpers.Near(10m / 1500m, map.OwnHours.Fte);
    }

    [Fact]
    public void The_trail_explains_every_amount_as_quantity_times_price_times_discount_factor()
    {
        var model = new TinyModel().WithBenefitOutcome().Build();
        var map = Helpers.Compute(model, Helpers.Input(model, "proef", 10, 1000m), trail: true);

        var benefitLines = map.Trail.Where(t => t.Outcome is not null).ToList();
        Assert.Equal(3, benefitLines.Count);
        foreach (var line in map.Trail)
        {
            Helpers.Near(line.Amount.Euros, line.Quantity * line.UnitPrice.Euros * line.DiscountFactor, 0.0001m);
        }
        Helpers.Near(map.Benefits.Euros, benefitLines.Sum(t => t.Amount.Euros));
        Helpers.Near(map.Costs.Euros, map.Trail.Where(t => t.Outcome is null).Sum(t => t.Amount.Euros));
        Assert.All(benefitLines, t => Assert.Contains(t.Sources, s => s.Id == "bron-a"));
    }
}
