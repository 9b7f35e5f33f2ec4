using System.Text;

namespace Impactkaart.Cli.Tests;

public class UnexpectedFailureTests
{
    /// <summary>An output that fails on every write, like a closed pipe or a full disk.</summary>
    private sealed class BrokenWriter : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => throw new IOException("De schijf is vol.");
    }

    [Fact]
    public void An_unexpected_failure_gives_a_short_message_and_exit_code_1_without_a_stack_trace()
    {
        using var output = new BrokenWriter();
        using var error = new StringWriter();

        var code = CliApp.Run(Cli.Args("compute", Cli.Budgetcoaching, "--draws", "0"), output, error);

        Assert.Equal(1, code);
        Assert.Contains("onverwacht", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("De schijf is vol.", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Cli.StackTraceMarker, error.ToString(), StringComparison.Ordinal);
    }
}
