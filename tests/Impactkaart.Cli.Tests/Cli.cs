using System.Text.Json;

namespace Impactkaart.Cli.Tests;

/// <summary>What one in-process run of the tool produced.</summary>
public sealed record CliResult(int ExitCode, string Output, string Error)
{
    public string All => Output + Error;

    public JsonElement Json()
    {
        using var document = JsonDocument.Parse(Output);
        return document.RootElement.Clone();
    }
}

/// <summary>Runs the tool in-process through <see cref="CliApp.Run"/>, as a user would from the shell.</summary>
public static class Cli
{
    public static CliResult Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CliApp.Run(args, output, error);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    /// <summary>The example: budgetcoaching for 80 participants at 90,000 euro.</summary>
    public static readonly string[] Budgetcoaching = ["--reference", "budgetcoaching", "--participants", "80", "--cost", "90000"];

    /// <summary>The second published example: home visits to older people, 40 participants, 37,000 euro.</summary>
    public static readonly string[] Huisbezoek = ["--reference", "huisbezoek-ouderen", "--participants", "40", "--cost", "37000"];

    public static string[] Args(string command, string[] project, params string[] more) => [.. command.Split(' '), .. project, .. more];

    /// <summary>A stack trace line as .NET prints it; a user must never see one.</summary>
    public const string StackTraceMarker = "   at ";
}

/// <summary>A temporary folder removed after the test.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "impactkaart-cli-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name, string contents)
    {
        var path = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, contents);
        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
