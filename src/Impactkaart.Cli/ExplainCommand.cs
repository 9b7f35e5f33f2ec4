using System.CommandLine;
using Impactkaart.Engine.Calculation;
using Impactkaart.Engine.Contract;

namespace Impactkaart.Cli;

/// <summary>
/// `explain`: the whole calculation trail. Every cost and benefit line as quantity x price x discount factor with
/// its sources, grouped by outcome with subtotals; the JSON format gives the contract with the trail.
/// </summary>
internal static class ExplainCommand
{
    public static Command Create(CliContext context)
    {
        var options = new ProjectOptions(context.Formats);
        var command = new Command("explain", context.Formats[Texts.ExplainDescription]);
        options.AddTo(command);
        command.SetAction(parse => Run(parse, options, context));
        return command;
    }

    private static int Run(ParseResult parse, ProjectOptions options, CliContext context)
    {
        if (options.Prepare(parse, context, out var exitCode) is not { } project)
        {
            return exitCode;
        }
        var map = ImpactCalculator.Compute(project.Model, project.Input, project.Simulation, withTrail: true);
        if (project.Format == OutputFormat.Json)
        {
            context.Output.WriteLine(MapContract.Serialize(project.Model, map, context.Language, withTrail: true));
            return ExitCodes.Ok;
        }
        var f = context.Formats;
        var terminal = Terminal.For(context.Output);
        var renderer = new MapRenderer(terminal, f, project.Model);
        renderer.Header(map);
        renderer.Warnings(map);
        terminal.Line();
        terminal.Line(f.Format(Texts.TrailIntro, f.Percent(map.Input.DiscountRate.Value, 2)));
        terminal.Line(f[Texts.TrailQuantity]);

        var costLines = map.Trail.Where(t => t.Outcome is null).ToList();
        terminal.Heading(f[Labels.Costs]);
        foreach (var line in costLines)
        {
            terminal.Line($"  {f.Format(Texts.TrailYear, line.Year + 1)}: {MapContract.Working(line, context.Language)}");
        }
        terminal.Strong($"  {f.Format(Texts.Subtotal, f[Labels.Costs].ToLower(f.Culture), f.Money(costLines.Sum(l => l.Amount.Euros)))}");

        foreach (var outcome in map.ByOutcome)
        {
            var o = outcome.Outcome;
            terminal.Heading($"{f[o.Label]} ({o.Id})");
            terminal.Muted(f.Format(Texts.TrailOutcomeLine, f.Count(outcome.NetEffectPerParticipant, o.Unit, 4), f.Evidence(project.Model.Evidence, o.Evidence),
                f.Count(o.StartsAfterMonths, Nouns.Month), f.Count(o.DurationYears, Nouns.Year), f.Percent(o.DropOff.Central)));
            foreach (var line in map.Trail.Where(t => ReferenceEquals(t.Outcome, o)))
            {
                var price = line.Price!;
                terminal.Line($"  {f.Format(Texts.TrailYear, line.Year + 1)} · {f[price.Label]} ({price.Id}; {f[price.Payer.Label]}, {f.Kind(price.Kind)})");
                terminal.Line($"    {MapContract.Working(line, context.Language)}");
                if (line.Sources.Count > 0)
                {
                    terminal.Muted($"    {f.Format(Texts.TrailSources, string.Join(", ", line.Sources.Select(s => s.Id)))}");
                }
            }
            terminal.Strong($"  {f.Format(Texts.Subtotal, f[o.Label], f.Money(outcome.Benefits.Euros))}");
        }

        terminal.Heading(f[Labels.Total]);
        var totals = terminal.Table(f[Labels.Figure], ">" + f[Labels.Value]);
        Terminal.Row(totals, f[Labels.CostsPv], f.Money(map.Costs.Euros));
        Terminal.Row(totals, f[Labels.BenefitsFinancial], f.Money(map.Benefits.Euros));
        Terminal.Row(totals, f[Labels.BenefitsWelfare], f.Money(map.WelfareBenefits.Euros));
        Terminal.Row(totals, f[Labels.Npv], f.Money(map.NetPresentValue.Euros));
        Terminal.Row(totals, f[Labels.NpvWelfare], f.Money(map.WelfareNetPresentValue.Euros));
        foreach (var view in MapViews.Both(map, f))
        {
            terminal.TotalRow(totals, f.Format(Texts.ViewPerEuro, view.Name), view.Ratio is { } r ? f.Money(r.Value) : "-");
        }
        terminal.Write(totals);
        renderer.Sources(MapSources.For(project.Model, map));
        return ExitCodes.Ok;
    }
}
