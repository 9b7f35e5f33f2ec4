using System.Diagnostics;

namespace Impactkaart.Cli.Tests;

/// <summary>The real built tool, started as a process with its output piped, as a script or CI would run it.</summary>
[Trait(Needs.Trait, Needs.Process)]
public class ProcessTests
{
    private static (int ExitCode, string Output, string Error) RunTool(params string[] args)
    {
        Needs.Check(Needs.Process);
        // The project reference copies the tool next to the test assembly.
        var tool = Path.Combine(AppContext.BaseDirectory, "impactkaart.dll");
        Assert.True(File.Exists(tool), $"The built tool is not at {tool}.");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(tool);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        // A terminal-like environment must still give plain output once piped.
        start.Environment["TERM"] = "xterm-256color";
        start.Environment.Remove("NO_COLOR");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "The tool did not finish within two minutes.");
        return (process.ExitCode, output.Result, error.Result);
    }

    [Fact]
    public void The_built_tool_computes_with_exit_code_0_and_no_escape_codes_when_piped()
    {
        var (exitCode, output, error) = RunTool(Cli.Args("compute", Cli.Budgetcoaching));

        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        Assert.Contains("Opbrengst in geld: elke geïnvesteerde euro levert € 1,9", output, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', output);
    }

    [Fact]
    public void The_built_tool_exits_with_2_and_a_Dutch_message_on_bad_input()
    {
        var (exitCode, output, error) = RunTool("compute", "--reference", "budgetcoaching", "--participants", "0", "--cost", "90000");

        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        Assert.Contains("--participants", error, StringComparison.Ordinal);
        Assert.DoesNotContain(Cli.StackTraceMarker, error, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', error);
    }

    [Fact]
    public void The_built_tool_validates_the_shipped_model()
    {
        var (exitCode, output, _) = RunTool("model", "validate");

        Assert.Equal(0, exitCode);
        Assert.Contains("model is valid", output, StringComparison.Ordinal);
    }
}
