using System.CommandLine;
using Impactkaart.Engine.Calculation;
using Impactkaart.Engine.Model;
using Impactkaart.Engine.Quantities;

namespace Impactkaart.Cli;

/// <summary>`model show &lt;id&gt;`: everything the model says about one reference project, with the basis of each number.</summary>
internal static class ModelShowCommand
{
    public static Command Create(CliContext context, Option<string> modelFolder)
    {
        var id = new Argument<string>("id") { Description = context.Formats[Texts.ShowId], Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("show", context.Formats[Texts.ShowDescription]);
        command.Arguments.Add(id);
        command.Options.Add(modelFolder);
        command.SetAction(parse => Run(context, parse.GetValue(id), parse.GetValue(modelFolder)));
        return command;
    }

    private static int Run(CliContext context, string? id, string? folder)
    {
        var loaded = CliContext.LoadModel(folder);
        if (loaded.Model is not { } model)
        {
            return context.BrokenModel(loaded.Problems);
        }
        var f = context.Formats;
        var allowed = string.Join(", ", model.ReferenceProjects.Select(p => p.Id));
        if (string.IsNullOrWhiteSpace(id))
        {
            return context.BadInput($"model show: {f.Format(Texts.ShowMissingId, allowed)}");
        }
        if (model.FindReferenceProject(id.Trim()) is not { } project)
        {
            return context.BadInput($"model show: {f.Format(Texts.ShowUnknownId, id, allowed)}");
        }
        Render(Terminal.For(context.Output), f, model, project);
        return ExitCodes.Ok;
    }

    private static void Render(Terminal terminal, Formats f, ImpactModel model, ReferenceProject project)
    {
        terminal.Strong($"{f[project.Label]} ({project.Id})");
        terminal.Line(f.Format(Texts.ShowThemeLine, f[project.Theme.Label], f.Evidence(model.Evidence, project.Evidence)));
        terminal.Line(f[project.Summary]);

        terminal.Heading(f[Texts.Description]);
        terminal.Line(f[project.Description]);
        terminal.Line();
        terminal.Line($"{f[Texts.TargetGroup]}: {f[project.TargetGroup]}");
        terminal.Line($"{f[Texts.Intensity]}: {f[project.Intensity]}");
        var cost = project.TypicalCostPerParticipant;
        terminal.Line(f.Format(Texts.TypicalSize, f.Count(project.TypicalParticipants, Nouns.Participant), f.Count(project.TypicalDurationMonths, Nouns.Month),
            Estimate(cost, f.Amount), f.Basis(cost.Basis)));
        if (project.Calibration is { } calibration)
        {
            terminal.Line(f.Format(Texts.CalibrationLine, f.Count(calibration.Participants, Nouns.Participant), f.Amount(calibration.Cost), f[calibration.Derivation]));
        }

        terminal.Heading(f[Texts.OutcomesHeading]);
        var outcomes = terminal.Table(f[Labels.Outcome], ">" + f[Texts.EffectPerParticipant], ">" + f[Texts.Deadweight], ">" + f[Texts.Attribution],
            ">" + f[Texts.StartsAfter], ">" + f[Texts.Duration], ">" + f[Texts.DropOff], f[Labels.Evidence]);
        foreach (var o in project.Outcomes)
        {
            Terminal.Row(outcomes, $"{f[o.Label]} ({o.Id})", $"{Estimate(o.Effect, v => f.Number(v, 3))} {f[o.Unit.Label]}", Estimate(o.Deadweight, v => f.Percent(v)),
                Estimate(o.Attribution, v => f.Percent(v)), f.Format(Texts.MonthsValue, o.StartsAfterMonths), f.Count(o.DurationYears, Nouns.Year),
                Estimate(o.DropOff, v => f.Percent(v)), f.Evidence(model.Evidence, o.Evidence));
        }
        terminal.Write(outcomes);
        foreach (var o in project.Outcomes)
        {
            terminal.Line();
            terminal.Strong($"{f[o.Label]} ({o.Id})");
            terminal.Line(f[o.Description]);
            terminal.Muted($"  {f[Texts.Effect]}: {f.Basis(o.Effect.Basis)}");
            terminal.Muted($"  {f[Texts.Deadweight]}: {f.Basis(o.Deadweight.Basis)}");
            terminal.Muted($"  {f[Texts.Attribution]}: {f.Basis(o.Attribution.Basis)}");
            terminal.Muted($"  {f[Texts.DropOff]}: {f.Basis(o.DropOff.Basis)}");
        }

        terminal.Heading(f[Texts.PricesHeading]);
        var prices = terminal.Table(f[Labels.Outcome], f[Texts.PriceItem], ">" + f[Texts.Quantity], ">" + f.Format(Texts.PriceAt, model.PriceYear),
            f[Labels.Payer], f[Labels.KindColumn], f[Texts.Basis]);
        foreach (var o in project.Outcomes)
        {
            foreach (var link in o.Prices)
            {
                var p = link.Price;
                var basis = f.Basis(p.Value.Basis) + (link.QuantityBasis is null ? "" : $"; {f[Texts.Quantity].ToLower(f.Culture)}: {f.Basis(link.QuantityBasis)}");
                Terminal.Row(prices, o.Id, $"{f[p.Label]} ({p.Id})", $"{f.Number(link.Quantity, 4)} {f[p.Unit.Label]}",
                    $"{Estimate(p.Value, f.Money)} {f.Format(Texts.PerUnit, f[p.Unit.Label])}", f[p.Payer.Label], f.Kind(p.Kind), basis);
            }
        }
        terminal.Write(prices);

        terminal.Heading(f[Texts.QuestionsHeading]);
        foreach (var q in project.Questions)
        {
            terminal.Line();
            terminal.Strong($"{f[q.Label]} ({q.Id})");
            terminal.Muted(f[q.Why]);
            if (q.AppliesTo.Count > 0)
            {
                terminal.Muted(f.Format(Texts.AppliesTo, string.Join(", ", q.AppliesTo)));
            }
            var options = terminal.Table(f[Texts.Option], f[Labels.Answer], ">" + f[Labels.Multiplier], f[Texts.Basis]);
            foreach (var option in q.Options)
            {
                Terminal.Row(options, option.Id + (option.IsReference ? " *" : ""), f[option.Label], f.Number(option.Multiplier, 2), f.Basis(option.Basis));
            }
            terminal.Write(options);
        }
        terminal.Muted(f[Texts.ReferenceOptionNote]);

        terminal.Heading(f[Labels.QualitativeHeading]);
        foreach (var q in project.Qualitative)
        {
            terminal.Line("- " + f[q.Text]);
        }
        terminal.Heading(f[Labels.NotCountedHeading]);
        if (project.NotClaimed.Count == 0)
        {
            terminal.Line(f[Texts.NothingExcluded]);
        }
        foreach (var n in project.NotClaimed)
        {
            terminal.Line($"- {f[n.Label]} ({n.Id}): {f[n.Reason]} ({f.Basis(n.Basis)})");
        }

        // The sources a map of this project rests on, in order of first use: compute one at the typical size.
        var typical = ProjectInput.ForReference(model, project, project.TypicalParticipants,
            Money.FromEuros(project.TypicalParticipants * project.TypicalCostPerParticipant.Central));
        var map = ImpactCalculator.Compute(model, typical, SimulationSettings.None);
        var sources = MapSources.For(model, map).ToList();
        if (project.TypicalCostPerParticipant.Basis.Source is { } costSource && !sources.Contains(costSource))
        {
            sources.Add(costSource);
        }
        new MapRenderer(terminal, f, model).Sources(sources);
    }

    private static string Estimate(Estimate e, Func<decimal, string> format) =>
        e.IsRanged ? $"{format(e.Central)} ({format(e.Low)} - {format(e.High)})" : format(e.Central);
}
