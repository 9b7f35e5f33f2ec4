namespace Impactkaart.Cli;

/// <summary>The command-line tool; placeholder until the commands land.</summary>
public static class CliApp
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        error.WriteLine("Nog niet beschikbaar.");
        return 2;
    }
}
