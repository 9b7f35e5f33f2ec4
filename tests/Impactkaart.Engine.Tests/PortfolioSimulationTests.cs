using Impactkaart.Engine.Calculation;
using Impactkaart.Engine.Model;
using Impactkaart.Engine.Quantities;

namespace Impactkaart.Engine.Tests;

public sealed class PortfolioSimulationTests
{
    private static readonly SimulationSettings TenThousand = new(10_000, SimulationSettings.DefaultSeed);

    private static PortfolioProject Project(string key, ImpactModel model, string referenceProject, int participants, decimal cost) =>
        new(key, Helpers.Input(model, referenceProject, participants, cost));

    /// <summary>Three projects of different kinds at their typical size.</summary>
    private static PortfolioProject[] Mixed(ImpactModel model) =>
    [
        Project("a", model, "budgetcoaching", 80, 90_000m),
        Project("b", model, "maatjesproject", 30, 45_000m),
        Project("c", model, "jongerenwerk", 60, 60_000m),
    ];

    [Fact]
    public void Run_gives_the_same_result_for_the_same_seed_in_any_list_order_and_another_for_another_seed()
    {
        var model = Helpers.Shipped;
        var projects = Mixed(model);

        var first = PortfolioSimulation.Run(model, projects, TenThousand);
        var reordered = PortfolioSimulation.Run(model, [projects[2], projects[0], projects[1]], TenThousand);
        var otherSeed = PortfolioSimulation.Run(model, projects, TenThousand with { Seed = 7 });

        Assert.Equal(first, reordered);
        Assert.Equal(3, first.Projects);
        Assert.Equal(10_000, first.Draws);
        Assert.NotEqual(first.Headline.NetPresentValueP50, otherSeed.Headline.NetPresentValueP50);
    }

    [Fact]
    public void A_portfolio_larger_than_one_partial_sum_gives_the_same_result_in_any_list_order()
    {
        // 120 projects are added up in three partial sums that run in parallel; reversed, every project lands in
        // another position of the list, and the result must not change by a cent.
        var model = Helpers.Shipped;
        var references = model.ReferenceProjects;
        var projects = Enumerable.Range(0, 120)
            .Select(i => new PortfolioProject($"project-{i}", ProjectInput.ForReference(model, references[i % references.Count],
                20 + i, Money.FromEuros(20_000m + (500m * i)))))
            .ToArray();
        var settings = new SimulationSettings(1_000, SimulationSettings.DefaultSeed);

        var forward = PortfolioSimulation.Run(model, projects, settings);
        var backward = PortfolioSimulation.Run(model, [.. projects.Reverse()], settings);

        Assert.Equal(forward, backward);
        Assert.Equal(120, forward.Projects);
    }

    [Fact]
    public void A_portfolio_of_one_project_has_the_median_and_chances_of_the_projects_own_map()
    {
        // Both are 10,000 draws of the same distribution from different numbers, so they differ by chance only: the
        // median of 10,000 draws varies by about 1.25 sd / 100, the difference of two such medians by about 0.018 sd,
        // where P90 - P10 is about 2.6 sd. Allowed: 5% of P90 - P10 (about 0.13 sd, seven times the chance difference);
        // a chance above zero within 0.03 (its standard error is at most 0.005 per simulation).
        var model = Helpers.Shipped;
        var input = Helpers.Input(model, "budgetcoaching", 80, 90_000m);
        var own = Helpers.Compute(model, input, draws: 10_000).Uncertainty!;
        var costs = Helpers.Compute(model, input).Costs.Euros;

        var portfolio = PortfolioSimulation.Run(model, [new PortfolioProject("enig", input)], TenThousand);

        var width = own.NetPresentValueP90.Euros - own.NetPresentValueP10.Euros;
        Helpers.Near(own.NetPresentValueP50.Euros, portfolio.Headline.NetPresentValueP50.Euros, 0.05m * width);
        Helpers.Near(own.ProbabilityRatioAboveOne.Value, portfolio.Headline.ProbabilityPositive.Value, 0.03m);
        var welfareWidth = (own.WelfareRatioP90.Value - own.WelfareRatioP10.Value) * costs;
        Helpers.Near((own.WelfareRatioP50.Value - 1m) * costs, portfolio.Welfare.NetPresentValueP50.Euros, 0.05m * welfareWidth);
        Helpers.Near(own.ProbabilityWelfareRatioAboveOne.Value, portfolio.Welfare.ProbabilityPositive.Value, 0.03m);
    }

    [Fact]
    public void Two_projects_of_the_same_reference_project_spread_wider_than_two_alike_projects_of_different_ones()
    {
        // The tiny model with a twin of its reference project under another id: the pairs are alike in everything but
        // whether their effects and judgement calls are drawn together. Drawn together, the effects (1 to 3) add up
        // their spread (x2); drawn apart, their spreads partly cancel (about x1.4, with the shared price on top).
        var tiny = new TinyModel();
        var twin = tiny.Project.DeepClone().AsObject();
        twin["id"] = "proef-twee";
        tiny.Files["reference-projects/proef-twee.json"] = twin;
        var model = tiny.Build();
        var same = PortfolioSimulation.Run(model, [Project("1", model, "proef", 10, 1000m), Project("2", model, "proef", 10, 1000m)], TenThousand);
        var different = PortfolioSimulation.Run(model, [Project("1", model, "proef", 10, 1000m), Project("2", model, "proef-twee", 10, 1000m)], TenThousand);

        static decimal RelativeSpread(PortfolioSpread s) =>
            (s.NetPresentValueP90.Euros - s.NetPresentValueP10.Euros) / s.NetPresentValueP50.Euros;

        Assert.True(RelativeSpread(same.Headline) > 1.2m * RelativeSpread(different.Headline),
            $"same reference project {RelativeSpread(same.Headline)}, different {RelativeSpread(different.Headline)}");
    }

    [Fact]
    public void The_portfolios_P10_is_above_the_sum_of_the_projects_P10s_and_its_P90_below_the_sum_of_their_P90s()
    {
        var model = Helpers.Shipped;
        var projects = Mixed(model);
        var own = projects.Select(p => Helpers.Compute(model, p.Input, draws: 10_000).Uncertainty!).ToArray();

        var portfolio = PortfolioSimulation.Run(model, projects, TenThousand).Headline;

        Assert.True(portfolio.NetPresentValueP10.Euros > own.Sum(u => u.NetPresentValueP10.Euros),
            $"portfolio P10 {portfolio.NetPresentValueP10.Euros}, sum of P10s {own.Sum(u => u.NetPresentValueP10.Euros)}");
        Assert.True(portfolio.NetPresentValueP90.Euros < own.Sum(u => u.NetPresentValueP90.Euros),
            $"portfolio P90 {portfolio.NetPresentValueP90.Euros}, sum of P90s {own.Sum(u => u.NetPresentValueP90.Euros)}");
    }

    [Fact]
    public void The_chance_of_a_positive_total_lies_between_0_and_1_and_falls_when_costs_rise()
    {
        // Each project costs about what it brings in at its usual cost per participant (its central benefits, above
        // that usual cost, so its effects are not scaled down), and the total is about as likely to end up above zero
        // as below; then one project costs a fifth more.
        var model = Helpers.Shipped;
        PortfolioProject AtBreakEven(string key, string reference, int participants)
        {
            var usual = participants * model.FindReferenceProject(reference)!.TypicalCostPerParticipant.Central;
            var benefits = Helpers.Compute(model, Helpers.Input(model, reference, participants, usual)).Benefits.Euros;
            Assert.True(benefits > usual, $"{reference} brings in {benefits}, less than its usual cost {usual}");
            return Project(key, model, reference, participants, Math.Round(benefits));
        }
        var budget = AtBreakEven("a", "budgetcoaching", 80);
        var buddies = AtBreakEven("b", "maatjesproject", 30);
        var dearer = budget with { Input = budget.Input with { Costs = budget.Input.Costs.Scaled(1.2m) } };

        var even = PortfolioSimulation.Run(model, [budget, buddies], TenThousand);
        var costlier = PortfolioSimulation.Run(model, [dearer, buddies], TenThousand);

        Assert.InRange(even.Headline.ProbabilityPositive.Value, 0.05m, 0.95m);
        Assert.True(costlier.Headline.ProbabilityPositive.Value < even.Headline.ProbabilityPositive.Value,
            $"{costlier.Headline.ProbabilityPositive.Value} at higher costs, {even.Headline.ProbabilityPositive.Value} before");
        Assert.True(costlier.Welfare.ProbabilityPositive.Value < even.Welfare.ProbabilityPositive.Value,
            $"{costlier.Welfare.ProbabilityPositive.Value} at higher costs, {even.Welfare.ProbabilityPositive.Value} before");
        Assert.True(costlier.Headline.NetPresentValueP50.Euros < even.Headline.NetPresentValueP50.Euros);
    }

    [Fact]
    public void An_empty_portfolio_and_two_projects_with_one_key_are_refused()
    {
        var model = Helpers.Shipped;
        var project = Project("a", model, "budgetcoaching", 80, 90_000m);

        var empty = Assert.Throws<ArgumentException>(() => PortfolioSimulation.Run(model, [], TenThousand));
        Assert.Contains("at least one project", empty.Message, StringComparison.Ordinal);
        var twice = Assert.Throws<ArgumentException>(() => PortfolioSimulation.Run(model, [project, project], TenThousand));
        Assert.Contains("'a'", twice.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => PortfolioSimulation.Run(model, [project], SimulationSettings.None));
    }
}
