using System.Globalization;
using Impactkaart.Engine;

namespace Impactkaart.Reports.Batch;

/// <summary>
/// The bounds on one batch, shared by the API and the CLI, so a hostile or broken file costs a bounded amount of
/// memory and time. Each refusal names its limit (<see cref="BatchLimitException"/>).
/// </summary>
public static class BatchLimits
{
    /// <summary>Data rows read (the header not counted, blank rows counted); one more is refused.</summary>
    public const int MaxRows = 100_000;

    /// <summary>Characters in one cell (after decoding); a longer cell is refused before it is read whole.</summary>
    public const int MaxCellCharacters = 10_000;

    /// <summary>Characters in one CSV record (a line, or several when a quoted field holds line breaks).</summary>
    public const int MaxLineCharacters = 1024 * 1024;

    /// <summary>Columns of an Excel sheet read for the header; cells further right are skipped unread.</summary>
    public const int MaxColumns = 200;

    /// <summary>Uncompressed bytes read from one part of an Excel file (the sheet, the shared strings, the styles): stops zip bombs.</summary>
    public const long MaxXlsxPartBytes = 200L * 1024 * 1024;

    /// <summary>Bytes of the results file the API sends back (the CLI writes to a file and has no such bound).</summary>
    public const long MaxAnswerBytes = 64L * 1024 * 1024;

    /// <summary>Wall-clock time the API spends on one upload.</summary>
    public static readonly TimeSpan ApiTimeBudget = TimeSpan.FromSeconds(30);

    public static readonly Text TooManyRows = Limit(
        "Het bestand heeft meer dan {0} rijen; splits het in delen van hooguit {0} rijen.",
        "The file has more than {0} rows; split it into parts of at most {0} rows.", MaxRows);

    public static readonly Text CellTooLong = Limit(
        "Een cel is langer dan {0} tekens (regel {{0}}); een batch leest hooguit {0} tekens per cel.",
        "A cell is longer than {0} characters (line {{0}}); a batch reads at most {0} characters per cell.", MaxCellCharacters);

    public static readonly Text LineTooLong = Limit(
        "Een regel is langer dan {0} tekens (regel {{0}}); een batch leest hooguit {0} tekens per regel.",
        "A line is longer than {0} characters (line {{0}}); a batch reads at most {0} characters per line.", MaxLineCharacters);

    public static readonly Text PartTooLarge = Limit(
        "Het Excel-bestand pakt uit tot meer dan {0} MB per blad; een batch leest hooguit {0} MB uitgepakt per onderdeel.",
        "The Excel file unpacks to more than {0} MB per sheet; a batch reads at most {0} MB unpacked per part.", MaxXlsxPartBytes / (1024 * 1024));

    public static readonly Text AnswerTooLarge = Limit(
        "Het resultaat wordt groter dan {0} MB; stuur minder rijen per aanvraag.",
        "The result grows beyond {0} MB; send fewer rows per request.", MaxAnswerBytes / (1024 * 1024));

    public static readonly Text TooSlow = Limit(
        "Het bestand kost meer dan {0} seconden rekentijd; stuur minder rijen of minder trekkingen per aanvraag, of gebruik 'impactkaart batch'.",
        "The file takes more than {0} seconds to compute; send fewer rows or fewer draws per request, or use the command 'impactkaart batch'.", (long)ApiTimeBudget.TotalSeconds);

    private static Text Limit(string nl, string en, long limit) =>
        new(string.Format(CultureInfo.InvariantCulture, nl, limit), string.Format(CultureInfo.InvariantCulture, en, limit));
}

/// <summary>
/// A batch file breaks one of <see cref="BatchLimits"/> (or turns out unreadable part way). Thrown while rows are streamed (the limit is only known when it
/// is reached, part way through writing), caught by the API and the CLI and reported as a refusal, never a crash.
/// </summary>
public sealed class BatchLimitException : Exception
{
    public BatchLimitException(string? limit, Text problem) : base(problem.En)
    {
        Limit = limit;
        Problem = problem;
    }

    public BatchLimitException() : this("unknown", new Text("Het bestand valt buiten de grenzen van een batch.", "The file is outside the bounds of a batch."))
    {
    }

    public BatchLimitException(string message) : this("unknown", new Text(message, message))
    {
    }

    public BatchLimitException(string message, Exception innerException) : base(message, innerException)
    {
        Problem = new Text(message, message);
    }

    private BatchLimitException(string? limit, Text problem, Exception cause) : base(problem.En, cause)
    {
        Limit = limit;
        Problem = problem;
    }

    /// <summary>
    /// The name of the limit broken: maxRows, maxCellCharacters, maxLineCharacters, maxXlsxPartBytes, maxAnswerBytes;
    /// null when the file broke off part way (an Excel sheet cut short) rather than breaking a limit.
    /// </summary>
    public string? Limit { get; }

    /// <summary>The message for the user, naming the limit.</summary>
    public Text Problem { get; }

    internal static BatchLimitException Rows() => new("maxRows", BatchLimits.TooManyRows);

    internal static BatchLimitException Cell(int line) => new("maxCellCharacters", At(BatchLimits.CellTooLong, line));

    internal static BatchLimitException Line(int line) => new("maxLineCharacters", At(BatchLimits.LineTooLong, line));

    internal static BatchLimitException Part() => new("maxXlsxPartBytes", BatchLimits.PartTooLarge);

    internal static BatchLimitException Unreadable(Exception cause) => new(null, BatchTexts.NotExcel, cause);

    public static BatchLimitException Answer() => new("maxAnswerBytes", BatchLimits.AnswerTooLarge);

    private static Text At(Text text, int line) =>
        new(string.Format(CultureInfo.InvariantCulture, text.Nl, line), string.Format(CultureInfo.InvariantCulture, text.En, line));
}
