using Impactkaart.Engine;
using Impactkaart.Engine.Model;

namespace Impactkaart.Cli;

/// <summary>What every command needs: where to write, and in which language.</summary>
internal sealed class CliContext(TextWriter output, TextWriter error, Language language)
{
    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    public Formats Formats { get; } = new(language);

    public Language Language => Formats.Language;

    /// <summary>Reports bad input: a heading and one line per problem on the error stream; returns exit code 2.</summary>
    public int BadInput(IEnumerable<string> problems)
    {
        Error.WriteLine(Formats[Texts.BadInputHeading]);
        foreach (var problem in problems)
        {
            Error.WriteLine("  " + problem);
        }
        return ExitCodes.BadInput;
    }

    public int BadInput(string problem) => BadInput([problem]);

    /// <summary>Reports a model that cannot be used: every problem, and no figure; returns exit code 2.</summary>
    public int BrokenModel(IReadOnlyList<ModelProblem> problems)
    {
        Error.WriteLine(Formats.Format(Texts.BrokenModel, problems.Count));
        foreach (var problem in problems)
        {
            Error.WriteLine("  " + problem.Describe(Language));
        }
        return ExitCodes.BadInput;
    }

    /// <summary>The shipped model, or the model in <paramref name="folder"/> when given.</summary>
    public static ModelLoadResult LoadModel(string? folder) =>
        string.IsNullOrWhiteSpace(folder) ? ModelLoader.LoadEmbedded() : ModelLoader.LoadFolder(folder);
}

/// <summary>The tool's exit codes.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>Something went wrong that the user could not have caused.</summary>
    public const int Unexpected = 1;

    /// <summary>Bad input (options, values, files) or an invalid model.</summary>
    public const int BadInput = 2;

    /// <summary>
    /// Batch only: some rows could not be computed, while every good row was computed and written. A code of its own, so
    /// a script can tell "look at the error report" apart from a crash (1) and from a file it could not use at all (2).
    /// </summary>
    public const int SomeRowsBad = 3;
}
