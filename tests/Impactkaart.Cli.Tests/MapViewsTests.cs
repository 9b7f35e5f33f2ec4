using Impactkaart.Engine;
using Impactkaart.Engine.Calculation;
using Impactkaart.Engine.Model;
using Impactkaart.Engine.Quantities;
using Impactkaart.Reports;

namespace Impactkaart.Cli.Tests;

/// <summary>
/// The compute output gives the two views the same lines and weight, puts warnings before any figure, names each
/// outcome's evidence grade, and never prints a chance of 100% or 0%.
/// </summary>
public class MapViewsTests
{
    [Fact]
    public void Compute_gives_money_returned_and_value_to_society_the_same_lines_range_and_chance()
    {
        var output = Cli.Run(Cli.Args("compute", Cli.Budgetcoaching)).Output;
        var lines = output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();

        var money = lines.FindIndex(l => l.StartsWith("Opbrengst in geld: elke geïnvesteerde euro levert € ", StringComparison.Ordinal));
        var welfare = lines.FindIndex(l => l.StartsWith("Maatschappelijke waarde: elke geïnvesteerde euro levert € ", StringComparison.Ordinal));
        Assert.True(money >= 0 && welfare > money, output);
        foreach (var start in new[] { money, welfare })
        {
            Assert.StartsWith("Wat ", lines[start + 1], StringComparison.Ordinal);
            Assert.StartsWith("Onzekerheid: 80% van de uitkomsten ligt tussen € ", lines[start + 2], StringComparison.Ordinal);
            Assert.StartsWith("Kans dat de baten de kosten overtreffen: ", lines[start + 3], StringComparison.Ordinal);
        }
        Assert.EndsWith(", alleen in de opbrengst in geld.", lines[money + 4], StringComparison.Ordinal);
        Assert.StartsWith("Welzijnswaarde: € ", lines[welfare + 4], StringComparison.Ordinal);
        Assert.Contains("De grote getallen gaan ervan uit dat de effecten optreden zoals het referentieproject verwacht.", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_for_a_project_at_a_tenth_of_the_usual_cost_warns_before_any_figure()
    {
        var output = Cli.Run("compute", "--reference", "budgetcoaching", "--participants", "100", "--cost", "11250").Output;

        var warning = output.IndexOf("Let op: De kosten per deelnemer (€ 113) liggen ver onder", StringComparison.Ordinal);
        Assert.True(warning > 0, output);
        Assert.True(warning < output.IndexOf("Opbrengst in geld:", StringComparison.Ordinal));
        Assert.DoesNotContain("Let op:", Cli.Run(Cli.Args("compute", Cli.Budgetcoaching)).Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_names_each_outcomes_evidence_grade_as_the_model_does_and_how_much_rests_on_assumptions()
    {
        var model = ModelLoader.Shipped;
        var output = Cli.Run(Cli.Args("compute", Cli.Budgetcoaching)).Output;

        foreach (var outcome in model.FindReferenceProject("budgetcoaching")!.Outcomes)
        {
            Assert.Contains($"- {outcome.Label.Nl} ({model.Evidence.For(outcome.Evidence).Label.Nl}): ", output, StringComparison.Ordinal);
        }
        Assert.Matches(@"(\d+% van de baten rust|Alle baten rusten) op aannames, niet op gemeten effecten\.", output);
    }

    [Theory]
    [InlineData(1.0, "> 99%")]
    [InlineData(0.0, "< 1%")]
    public void The_rendered_map_never_prints_a_chance_of_100_or_0_percent(double chance, string shown)
    {
        var model = ModelLoader.Shipped;
        var validated = ProjectRequestValidator.Validate(model, new ProjectRequest { ReferenceProject = "budgetcoaching", Participants = "80", Cost = "90000" });
        var map = ImpactCalculator.Compute(model, validated.Value!, new SimulationSettings(500, SimulationSettings.DefaultSeed));
        // Every draw (or none) paid off, as a very cheap (or very dear) project gives.
        map = map with
        {
            Uncertainty = map.Uncertainty! with
            {
                ProbabilityRatioAboveOne = Fraction.FromDecimal((decimal)chance),
                ProbabilityWelfareRatioAboveOne = Fraction.FromDecimal((decimal)chance),
            },
        };
        using var output = new StringWriter();

        new MapRenderer(Terminal.For(output), new Formats(Language.Nl), model).Render(map);

        var text = output.ToString();
        Assert.Equal(2, text.Split("Kans dat de baten de kosten overtreffen: " + shown + ".").Length - 1);
        Assert.DoesNotContain("100%", text, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"(?<![\d,.])0%", text);
    }
}
