using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Impactkaart.Engine.Calculation;
using Impactkaart.Engine.Model;
using Impactkaart.Engine.Quantities;

namespace Impactkaart.Engine.Tests;

/// <summary>The laws every map obeys, checked over generated projects on the shipped model.</summary>
public sealed class PropertyTests
{
    private static readonly ImpactModel Model = Helpers.Shipped;

    /// <summary>A generated project: any shipped reference project, any answers, a size, a cost and a duration.</summary>
    public sealed record Case(string ReferenceProject, int Participants, decimal Cost, int Months, Dictionary<string, string> Answers)
    {
        public ProjectInput ToInput(ImpactModel model)
        {
            var project = model.FindReferenceProject(ReferenceProject)!;
            var answers = Answers.ToDictionary(a => a.Key, a => project.Questions.Single(q => q.Id == a.Key).Options.Single(o => o.Id == a.Value));
            return new ProjectInput(project, null, null, Months, Participants, ProjectCosts.FromTotal(Money.FromEuros(Cost)), null,
                answers, Phase.Plan, new Dictionary<string, decimal>(), Fraction.FromDecimal(model.DiscountRate.Central));
        }

        public override string ToString() =>
            $"{ReferenceProject}, {Participants} participants, {Cost} euro, {Months} months, answers {string.Join(",", Answers.Select(a => a.Key + "=" + a.Value))}";
    }

    public static class Generators
    {
        public static Arbitrary<Case> Cases() => Arb.From(
            from project in Gen.Elements(Model.ReferenceProjects.ToArray())
            from participants in Gen.Choose(1, 5000)
            from costCents in Gen.Choose(100_00, 2_000_000_00)
            from months in Gen.Choose(1, 120)
            from pick in Gen.Choose(0, int.MaxValue)
            select new Case(project.Id, participants, costCents / 100m, months, Answers(project, pick)));

        /// <summary>One option per question, chosen by the digits of <paramref name="pick"/> in base 3.</summary>
        private static Dictionary<string, string> Answers(ReferenceProject project, int pick)
        {
            var answers = new Dictionary<string, string>();
            foreach (var question in project.Questions)
            {
                answers[question.Id] = question.Options[pick % question.Options.Count].Id;
                pick /= 3;
            }
            return answers;
        }
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 200)]
    public bool Benefits_and_hours_scale_with_participants_at_the_same_cost_per_participant(Case c)
    {
        var one = Helpers.Compute(Model, c.ToInput(Model));
        var input = c.ToInput(Model);
        var triple = Helpers.Compute(Model, input with { Participants = c.Participants * 3, Costs = input.Costs.Scaled(3m) });

        return Close(triple.Benefits.Euros, 3 * one.Benefits.Euros) && Close(triple.HoursSaved.Value, 3 * one.HoursSaved.Value);
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 200)]
    public bool The_breakdowns_sum_to_the_totals(Case c)
    {
        var map = Helpers.Compute(Model, c.ToInput(Model));

        return Close(map.Benefits.Euros, map.ByPayer.Sum(p => p.Amount.Euros))
            && Close(map.Benefits.Euros, map.ByDomain.Sum(d => d.Amount.Euros))
            && Close(map.Benefits.Euros, map.ByOutcome.Sum(o => o.Benefits.Euros))
            && Close(map.Benefits.Euros, map.PerYear.Sum(y => y.Benefits.Euros))
            && Close(map.WelfareBenefits.Euros, map.PerYear.Sum(y => y.WelfareBenefits.Euros))
            && Close(map.Costs.Euros, map.PerYear.Sum(y => y.Costs.Euros))
            && Close(map.Benefits.Euros - map.WelfareBenefits.Euros, map.ByPayer.Sum(p => p.Transfers.Euros) - map.WellbeingBenefits.Euros)
            && Close(map.WellbeingBenefits.Euros, map.ByOutcome.Sum(o => o.WellbeingBenefits.Euros));
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 200)]
    public bool The_welfare_view_is_the_money_view_without_transfers_and_with_wellbeing_values(Case c)
    {
        var map = Helpers.Compute(Model, c.ToInput(Model));
        var transfers = map.ByPayer.Sum(p => p.Transfers.Euros);

        return Close(map.WelfareBenefits.Euros, map.Benefits.Euros - transfers + map.WellbeingBenefits.Euros) && map.WellbeingBenefits.Euros >= 0m;
    }

    /// <summary>
    /// The law of intensity: when the cost per participant falls tenfold from at most the usual cost, the ratio at most
    /// doubles (effects shrink as cost^0.75: 10^0.25 = 1.78). Above the usual cost effects stay as they are, so there the
    /// ratio simply falls with the cost.
    /// </summary>
    [Property(Arbitrary = [typeof(Generators)], MaxTest = 200)]
    public bool The_ratio_at_most_doubles_when_the_cost_per_participant_falls_tenfold(Case c, PositiveInt share)
    {
        var input = c.ToInput(Model);
        var usual = input.ReferenceProject.TypicalCostPerParticipant.Central;
        var perParticipant = usual * (1 + share.Get % 1000) / 1000m;
        var at = input with { Costs = ProjectCosts.FromTotal(Money.FromEuros(perParticipant * c.Participants)) };
        var tenth = input with { Costs = ProjectCosts.FromTotal(Money.FromEuros(perParticipant * c.Participants / 10m)) };

        var ratio = Helpers.Compute(Model, at).Ratio!.Value.Value;
        var ratioAtTenth = Helpers.Compute(Model, tenth).Ratio!.Value.Value;
        return ratio <= 0m || ratioAtTenth <= 2m * ratio * 1.000001m;
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 40)]
    public bool The_percentiles_are_ordered_and_the_probability_is_a_probability(Case c)
    {
        var u = Helpers.Compute(Model, c.ToInput(Model), draws: 500).Uncertainty!;

        return u.RatioP10 <= u.RatioP50 && u.RatioP50 <= u.RatioP90
            && u.NetPresentValueP10 <= u.NetPresentValueP50 && u.NetPresentValueP50 <= u.NetPresentValueP90
            && u.ProbabilityRatioAboveOne.Value is >= 0m and <= 1m
            && u.WelfareRatioP10 <= u.WelfareRatioP50 && u.WelfareRatioP50 <= u.WelfareRatioP90;
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 40)]
    public bool The_same_seed_gives_the_same_result(Case c, ulong seed)
    {
        var first = Helpers.Compute(Model, c.ToInput(Model), draws: 300, seed: seed).Uncertainty!;
        var second = Helpers.Compute(Model, c.ToInput(Model), draws: 300, seed: seed).Uncertainty!;

        return first.RatioP10 == second.RatioP10 && first.RatioP50 == second.RatioP50 && first.RatioP90 == second.RatioP90
            && first.ProbabilityRatioAboveOne == second.ProbabilityRatioAboveOne;
    }

    [Property(MaxTest = 30)]
    public bool The_ratio_is_unchanged_when_every_money_amount_is_scaled(PositiveInt factorSeed)
    {
        // Scale every price in the model files and the project's costs by the same factor (1 to 50).
        var factor = 1 + factorSeed.Get % 50;
        var scaled = ScaledModel(factor);
        var input = Helpers.Input(Model, "budgetcoaching", 80, 90_000m);
        var scaledInput = Helpers.Input(scaled, "budgetcoaching", 80, 90_000m * factor);

        var ratio = Helpers.Compute(Model, input).Ratio!.Value.Value;
        var scaledRatio = Helpers.Compute(scaled, scaledInput).Ratio!.Value.Value;
        return Close(ratio, scaledRatio, 0.0000001m);
    }

    [Fact]
    public void Different_seeds_give_different_draws()
    {
        var input = Helpers.Input(Model, "budgetcoaching", 80, 90_000m);
        var a = Helpers.Compute(Model, input, draws: 1000, seed: 1).Uncertainty!;
        var b = Helpers.Compute(Model, input, draws: 1000, seed: 2).Uncertainty!;

        Assert.NotEqual(a.RatioP50, b.RatioP50);
    }

    private static ImpactModel ScaledModel(int factor)
    {
        var files = ModelLoader.EmbeddedFiles().Select(f =>
        {
            if (!f.Path.StartsWith("prices/", StringComparison.Ordinal))
            {
                return f;
            }
            var node = JsonNode.Parse(f.Json)!;
            foreach (var price in node["prices"]!.AsArray())
            {
                var value = price!["value"]!.AsObject();
                foreach (var key in new[] { "central", "low", "high" })
                {
                    if (value[key] is { } v)
                    {
                        value[key] = v.GetValue<decimal>() * factor;
                    }
                }
            }
            return f with { Json = node.ToJsonString() };
        }).ToList();
        return ModelLoader.Load(files).Model!;
    }

    private static bool Close(decimal a, decimal b, decimal relative = 0.000000001m) =>
        Math.Abs(a - b) <= relative * Math.Max(1m, Math.Max(Math.Abs(a), Math.Abs(b)));
}
