using System.CommandLine;

namespace Impactkaart.Cli;

/// <summary>`model list`: the themes and their reference projects, each with its one-line summary.</summary>
internal static class ModelListCommand
{
    public static Command Create(CliContext context, Option<string> modelFolder)
    {
        var command = new Command("list", context.Formats[Texts.ListDescription]);
        command.Options.Add(modelFolder);
        command.SetAction(parse => Run(context, parse.GetValue(modelFolder)));
        return command;
    }

    private static int Run(CliContext context, string? folder)
    {
        var loaded = CliContext.LoadModel(folder);
        if (loaded.Model is not { } model)
        {
            return context.BrokenModel(loaded.Problems);
        }
        var f = context.Formats;
        var terminal = Terminal.For(context.Output);
        terminal.Strong(f.Format(Texts.ListTitle, model.Version, model.PriceYear));
        foreach (var theme in model.Themes)
        {
            var projects = model.ReferenceProjects.Where(p => p.Theme == theme).ToList();
            terminal.Heading($"{f[theme.Label]} ({theme.Id})");
            terminal.Muted(f[theme.Description]);
            if (projects.Count == 0)
            {
                terminal.Line(f[Texts.NoProjectsYet]);
                continue;
            }
            var table = terminal.Table(f[Labels.Id], f[Texts.ReferenceProject], f[Texts.Summary], f[Labels.Evidence]);
            foreach (var p in projects)
            {
                Terminal.Row(table, p.Id, f[p.Label], f[p.Summary], f.Evidence(model.Evidence, p.Evidence));
            }
            terminal.Write(table);
        }
        terminal.Line();
        terminal.Line(f[Texts.ListHint]);
        return ExitCodes.Ok;
    }
}
