namespace Impactkaart.Engine.Tests;

/// <summary>The two published Impactkaart examples our model must reproduce, all answers "as the reference".</summary>
public sealed class PublishedExamplesTests
{
    [Fact]
    public void Budget_coaching_for_80_participants_at_90000_euro_returns_1_9()
    {
        var model = Helpers.Shipped;
        var map = Helpers.Compute(model, Helpers.Input(model, "budgetcoaching", 80, 90_000m));

        Assert.InRange(map.Ratio!.Value.Value, 1.85m, 1.95m);
    }

    [Fact]
    public void Budget_coaching_benefits_are_led_by_avoided_benefit_payments_and_avoided_future_social_work()
    {
        var model = Helpers.Shipped;
        var map = Helpers.Compute(model, Helpers.Input(model, "budgetcoaching", 80, 90_000m));

        var byDomain = map.ByDomain.ToDictionary(d => d.Domain.Id, d => d.Amount.Euros);
        Assert.Equal("inkomen", map.ByDomain[0].Domain.Id);
        var largestOutcomes = map.ByOutcome.OrderByDescending(o => o.Benefits).Take(2).Select(o => o.Outcome.Id).ToList();
        Assert.Equal(["kortere-bijstand", "minder-sociaal-werk-later"], largestOutcomes);
        // The avoided benefit payments are a transfer: the welfare view is clearly lower than the financial one.
        Assert.True(map.WelfareRatio!.Value < map.Ratio!.Value);
        Assert.True(byDomain["inkomen"] > map.Benefits.Euros / 2);
    }

    [Fact]
    public void Home_visits_for_40_older_people_at_37000_euro_return_1_2()
    {
        var model = Helpers.Shipped;
        var map = Helpers.Compute(model, Helpers.Input(model, "huisbezoek-ouderen", 40, 37_000m));

        Assert.InRange(map.Ratio!.Value.Value, 1.15m, 1.25m);
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
