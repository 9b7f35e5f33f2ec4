using System.CommandLine;
using Impactkaart.Engine.Model;

namespace Impactkaart.Cli;

/// <summary>`model validate [folder]`: every problem in a model folder (or the shipped model), or "valid" with counts.</summary>
internal static class ModelValidateCommand
{
    public static Command Create(CliContext context)
    {
        var folder = new Argument<string>("folder") { Description = context.Formats[Texts.ValidateFolder], Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("validate", context.Formats[Texts.ValidateDescription]);
        command.Arguments.Add(folder);
        command.SetAction(parse => Run(context, parse.GetValue(folder)));
        return command;
    }

    private static int Run(CliContext context, string? folder)
    {
        var f = context.Formats;
        var shipped = string.IsNullOrWhiteSpace(folder);
        var loaded = shipped ? ModelLoader.LoadEmbedded() : ModelLoader.LoadFolder(folder!);
        var what = shipped ? f[Texts.ShippedModel] : f.Format(Texts.FolderModel, folder);
        if (loaded.Model is not { } model)
        {
            context.Output.WriteLine(f.Format(Texts.ModelInvalid, what, loaded.Problems.Count));
            foreach (var problem in loaded.Problems)
            {
                context.Output.WriteLine("  " + problem.Describe(context.Language));
            }
            return ExitCodes.BadInput;
        }
        context.Output.WriteLine(f.Format(Texts.ModelValid, what, model.Version, model.PriceYear, model.Themes.Count, model.ReferenceProjects.Count,
            model.ReferenceProjects.Sum(p => p.Outcomes.Count), model.Prices.Count, model.Sources.Count, model.Professions.Count));
        return ExitCodes.Ok;
    }
}
