using System.CommandLine;
using Impactkaart.Engine.Calculation;
using Impactkaart.Reports.Batch;
using Spectre.Console;

namespace Impactkaart.Cli;

/// <summary>
/// `batch`: one impact map per row of a CSV or Excel file, the headline figures of each to a CSV or Excel file,
/// and a per-row error report for the rows that cannot be computed. Exit codes: 0 every row computed, 3 some rows
/// bad (the good ones are still computed and written), 2 the file cannot be used (nothing is written), 1 unexpected failure.
/// </summary>
internal static class BatchCommand
{
    private const int ShownProblems = 10;

    public static Command Create(CliContext context)
    {
        var f = context.Formats;
        var input = new Argument<string>("bestand") { Description = f[Texts.BatchInput], HelpName = "projecten.csv|.xlsx" };
        var output = new Option<string>("--output", "-o") { Description = f[Texts.BatchOutput], HelpName = "resultaten.csv|.xlsx" };
        var errors = new Option<string>("--errors") { Description = f[Texts.BatchErrors], HelpName = "fouten.csv|.xlsx" };
        var draws = new Option<string>("--draws") { Description = f[Texts.BatchDraws], HelpName = "n" };
        var command = new Command("batch", f[Texts.BatchDescription] + Environment.NewLine + f[Texts.BatchExitCodes]) { input, output, errors, draws };
        command.SetAction(parse => Run(context, parse.GetValue(input)!, parse.GetValue(output), parse.GetValue(errors), parse.GetValue(draws)));
        return command;
    }

    private static int Run(CliContext context, string inputPath, string? outputPath, string? errorsPath, string? drawsText)
    {
        var f = context.Formats;
        outputPath ??= DefaultOutput(inputPath, f);
        var problems = new List<string>();
        var inputFormat = FormatOf(inputPath, "bestand", f, problems);
        var outputFormat = FormatOf(outputPath, "--output", f, problems);
        var errorsFormat = errorsPath is null ? BatchFormat.Csv : FormatOf(errorsPath, "--errors", f, problems);
        if (!File.Exists(inputPath))
        {
            problems.Add($"{inputPath}: {f.Format(Texts.InputMissing, inputPath)}");
        }
        else if (SamePath(inputPath, outputPath) || (errorsPath is not null && SamePath(inputPath, errorsPath)))
        {
            problems.Add(f.Format(Texts.BatchSameFile, inputPath));
        }
        var loaded = CliContext.LoadModel(null);
        if (loaded.Model is not { } model)
        {
            return context.BrokenModel(loaded.Problems);
        }
        var simulation = ProjectRequestValidator.ValidateSimulation(model, new ProjectRequest { Draws = drawsText ?? "0" });
        problems.AddRange(simulation.Errors.Select(e => $"--draws: {e.Message[context.Language]}"));
        if (problems.Count > 0 || inputFormat is null || outputFormat is null || errorsFormat is null || !simulation.IsValid)
        {
            return context.BadInput(problems);
        }

        using var stream = OpenInput(inputPath);
        if (stream is null)
        {
            return context.BadInput($"{inputPath}: {f.Format(Texts.InputUnreadable, inputPath)}");
        }
        var source = BatchSource.Open(stream, inputFormat.Value);
        if (source.Problem is { } problem)
        {
            return context.BadInput($"{inputPath}: {f[problem]}");
        }
        if (source.Missing.Count > 0)
        {
            return context.BadInput($"{inputPath}: {f.Format(BatchTexts.MissingColumns, string.Join(", ", source.Missing))}");
        }

        var terminal = Terminal.For(context.Output);
        var computer = new BatchComputer(model, simulation.Value!, source.Columns);
        BatchSummary? summary = null;
        try
        {
            AtomicFile.Write(outputPath, output => summary = WithProgress(terminal.Interactive ? terminal.Console : null, stream, f, progress =>
                BatchRun.Execute(source, computer, output, outputFormat.Value, context.Language, progress)));
        }
        catch (BatchLimitException e)
        {
            // Found part way (a row too many, a cell too long): nothing is written, as for a file that cannot be used.
            return context.BadInput($"{inputPath}: {f[e.Problem]}");
        }
        if (errorsPath is not null)
        {
            AtomicFile.Write(errorsPath, output => BatchWriter.WriteErrors(summary!.BadRows, output, errorsFormat.Value, context.Language));
        }
        Report(context, terminal, source, summary!, outputPath, errorsPath);
        return summary!.BadRows.Count == 0 ? ExitCodes.Ok : ExitCodes.SomeRowsBad;
    }

    /// <summary>Runs the batch under a progress bar on <paramref name="console"/> (a terminal; by the share of the file read), or silently without one.</summary>
    internal static BatchSummary WithProgress(IAnsiConsole? console, Stream input, Formats f, Func<Action<int>?, BatchSummary> run)
    {
        if (console is null)
        {
            return run(null);
        }
        return console.Progress().AutoClear(true).Start(ctx =>
        {
            var task = ctx.AddTask(f[Texts.BatchProgress], maxValue: Math.Max(1, input.Length));
            var summary = run(rows =>
            {
                // Reading the position is cheap, but redrawing is not: update every 500 rows.
                if (rows % 500 == 0)
                {
                    task.Value = input.Position;
                    task.Description = f.Format(Texts.BatchProgressRows, rows);
                }
            });
            task.Value = task.MaxValue;
            return summary;
        });
    }

    private static void Report(CliContext context, Terminal terminal, BatchSource source, BatchSummary summary, string outputPath, string? errorsPath)
    {
        var f = context.Formats;
        terminal.Strong(f.Format(Texts.BatchSummary, summary.Computed, summary.BadRows.Count));
        terminal.Line(f.Format(Texts.BatchResultsAt, outputPath));
        if (errorsPath is not null)
        {
            terminal.Line(f.Format(Texts.BatchErrorsAt, errorsPath));
        }
        if (source.Ignored.Count > 0)
        {
            terminal.Muted(f.Format(Texts.BatchIgnoredColumns, string.Join(", ", source.Ignored)));
        }
        if (summary.BadRows.Count == 0)
        {
            return;
        }
        // The first bad rows on the error stream, so a user sees at once what to fix; the rest are in the files.
        foreach (var bad in summary.BadRows.Take(ShownProblems))
        {
            context.Error.WriteLine(f.Format(Texts.BatchBadRow, bad.Line, bad.Describe(context.Language)));
        }
        if (summary.BadRows.Count > ShownProblems)
        {
            context.Error.WriteLine(f.Format(Texts.BatchMoreBadRows, summary.BadRows.Count - ShownProblems));
        }
    }

    private static FileStream? OpenInput(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static BatchFormat? FormatOf(string path, string what, Formats f, List<string> problems)
    {
        var format = BatchSource.FormatOf(path);
        if (format is null)
        {
            problems.Add($"{what}: {f.Format(BatchTexts.UnknownFormat, Path.GetExtension(path))}");
        }
        return format;
    }

    /// <summary>Beside the input: projecten.csv gives projecten-resultaten.csv (projecten-results.csv in English).</summary>
    private static string DefaultOutput(string input, Formats f)
    {
        var extension = Path.GetExtension(input);
        return Path.Combine(Path.GetDirectoryName(input) ?? "", $"{Path.GetFileNameWithoutExtension(input)}-{f[Texts.BatchResultsSuffix]}{extension}");
    }

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), StringComparison.Ordinal);
}
