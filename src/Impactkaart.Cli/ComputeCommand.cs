using System.CommandLine;
using Impactkaart.Engine.Calculation;
using Impactkaart.Engine.Contract;

namespace Impactkaart.Cli;

/// <summary>`compute`: the full impact map of one project, as tables or as the JSON contract.</summary>
internal static class ComputeCommand
{
    public static Command Create(CliContext context)
    {
        var options = new ProjectOptions(context.Formats);
        var command = new Command("compute", context.Formats[Texts.ComputeDescription]);
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
        var map = ImpactCalculator.Compute(project.Model, project.Input, project.Simulation);
        if (project.Format == OutputFormat.Json)
        {
            context.Output.WriteLine(MapContract.Serialize(project.Model, map, context.Language));
        }
        else
        {
            new MapRenderer(Terminal.For(context.Output), context.Formats, project.Model).Render(map);
        }
        return ExitCodes.Ok;
    }
}
