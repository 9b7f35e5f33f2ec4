using System.Text;
using Impactkaart.Engine;
using Impactkaart.Engine.Calculation;

namespace Impactkaart.Reports.Batch;

/// <summary>The file formats a batch reads and writes.</summary>
public enum BatchFormat
{
    Csv,
    Xlsx,
}

/// <summary>One row of a batch file as a project request; <see cref="Problems"/> holds what could not be read (e.g. broken characters).</summary>
public sealed record BatchRow(int Line, ProjectRequest Request, IReadOnlyList<FieldError> Problems);

/// <summary>
/// A batch file opened for reading: the header is read and checked at once (so missing columns are known before any
/// output is made); the rows are read one at a time by <see cref="Rows"/>.
/// </summary>
public sealed class BatchSource
{
    /// <summary>The character a lenient UTF-8 decoder puts where the bytes were not valid UTF-8.</summary>
    private const char Replacement = '\uFFFD';

    private readonly Func<IEnumerable<(int Line, IReadOnlyList<string> Cells)>>? records;

    private BatchSource(IReadOnlyList<BatchColumns.Mapped> columns, IReadOnlyList<string> missing, IReadOnlyList<string> ignored,
        Text? problem, Func<IEnumerable<(int, IReadOnlyList<string>)>>? records)
    {
        Columns = columns;
        Missing = missing;
        Ignored = ignored;
        Problem = problem;
        this.records = records;
    }

    public IReadOnlyList<BatchColumns.Mapped> Columns { get; }

    /// <summary>Required columns the file lacks (Dutch names); when any, nothing is computed.</summary>
    public IReadOnlyList<string> Missing { get; }

    /// <summary>Headers that are not ours; their cells are not read.</summary>
    public IReadOnlyList<string> Ignored { get; }

    /// <summary>Why the file cannot be read at all (empty, not an Excel file), or null.</summary>
    public Text? Problem { get; }

    /// <summary>When <see cref="Problem"/> is a broken limit of <see cref="BatchLimits"/>: its name (as in <see cref="BatchLimitException.Limit"/>), else null.</summary>
    public string? Limit { get; private init; }

    public bool IsUsable => Problem is null && Missing.Count == 0;

    /// <summary>The format of a file by its extension (.csv, .txt or .xlsx), or null.</summary>
    public static BatchFormat? FormatOf(string fileName)
    {
        var extension = Path.GetExtension(fileName).ToUpperInvariant();
        return extension switch
        {
            ".CSV" or ".TXT" => BatchFormat.Csv,
            ".XLSX" => BatchFormat.Xlsx,
            _ => null,
        };
    }

    /// <summary>Opens <paramref name="stream"/> (kept open; read once) and reads its header.</summary>
    public static BatchSource Open(Stream stream, BatchFormat format) =>
        format == BatchFormat.Csv ? OpenCsv(stream) : OpenXlsx(stream);

    private static BatchSource OpenCsv(Stream stream)
    {
        // Lenient decoding: invalid bytes become U+FFFD and the rows holding them are reported, never a crash.
        var reader = new StreamReader(stream, new UTF8Encoding(false, false), detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16, leaveOpen: true);
        if (reader.Peek() == '\uFEFF')
        {
            reader.Read();
        }
        string? headerLine;
        try
        {
            headerLine = ReadHeaderLine(reader);
        }
        catch (BatchLimitException e)
        {
            return Unusable(e.Problem, e.Limit);
        }
        if (string.IsNullOrWhiteSpace(headerLine))
        {
            return Unusable(BatchTexts.EmptyFile);
        }
        var separator = CsvRecords.DetectSeparator(headerLine);
        List<string> headers;
        try
        {
            headers = new CsvRecords(new StringReader(headerLine), separator).Next() ?? [];
        }
        catch (BatchLimitException e)
        {
            return Unusable(e.Problem, e.Limit);
        }
        return WithHeaders(headers, () => CsvRows(new CsvRecords(reader, separator, firstLine: 2)));
    }

    /// <summary>The first line, read no further than <see cref="BatchLimits.MaxLineCharacters"/>.</summary>
    private static string? ReadHeaderLine(TextReader reader)
    {
        var line = new StringBuilder();
        int c;
        while ((c = reader.Read()) >= 0 && c is not '\n' and not '\r')
        {
            if (line.Length == BatchLimits.MaxLineCharacters)
            {
                throw BatchLimitException.Line(1);
            }
            line.Append((char)c);
        }
        if (c == '\r' && reader.Peek() == '\n')
        {
            reader.Read();
        }
        return c < 0 && line.Length == 0 ? null : line.ToString();
    }

    private static IEnumerable<(int, IReadOnlyList<string>)> CsvRows(CsvRecords csv)
    {
        while (csv.Next() is { } cells)
        {
            yield return (csv.Line, cells);
        }
    }

    private static BatchSource OpenXlsx(Stream stream)
    {
        // Read from the sheet's XML ourselves: a general reader trusts the sheet's claimed dimension (A1:XFD1000 made
        // it fill 16,384 columns per row) and reads whole cells of any size.
        XlsxSheet sheet;
        IEnumerator<(int Line, IReadOnlyList<string> Cells)> rows;
        var width = BatchLimits.MaxColumns;
        try
        {
            sheet = XlsxSheet.Open(stream);
            rows = sheet.Rows(() => width).GetEnumerator();
            if (!rows.MoveNext())
            {
                sheet.Dispose();
                return Unusable(BatchTexts.EmptyFile);
            }
        }
        catch (BatchLimitException e)
        {
            return Unusable(e.Problem, e.Limit);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or InvalidOperationException or System.Xml.XmlException or NotSupportedException)
        {
            return Unusable(BatchTexts.NotExcel);
        }
        var source = WithHeaders(rows.Current.Cells, () => XlsxRows(sheet, rows));
        // Only the columns the batch knows are read in the rows below the header.
        width = source.Columns.Count == 0 ? 0 : source.Columns.Max(c => c.Index) + 1;
        source.xlsx = sheet;
        return source;
    }

    private XlsxSheet? xlsx;

    /// <summary>For tests: the Excel cells whose value was read so far (0 for CSV).</summary>
    internal long CellsRead => xlsx?.CellsRead ?? 0;

    private static IEnumerable<(int, IReadOnlyList<string>)> XlsxRows(XlsxSheet sheet, IEnumerator<(int Line, IReadOnlyList<string> Cells)> rows)
    {
        using (sheet)
        using (rows)
        {
            while (true)
            {
                try
                {
                    if (!rows.MoveNext())
                    {
                        yield break;
                    }
                }
                catch (Exception e) when (e is System.Xml.XmlException or InvalidDataException or IOException)
                {
                    // A sheet cut off or broken part way: refused like a file that cannot be opened, never a crash.
                    throw BatchLimitException.Unreadable(e);
                }
                yield return rows.Current;
            }
        }
    }

    /// <summary>
    /// A number cell as the text a user would have typed: with a point (a number cell of 1.125 as "1.1250", so it is
    /// not read as the amount 1125).
    /// </summary>
    internal static string NumberCell(double value) => NumberText.Write(value);

    private static BatchSource Unusable(Text problem, string? limit = null) => new([], [], [], problem, null) { Limit = limit };

    private static BatchSource WithHeaders(IReadOnlyList<string> headers, Func<IEnumerable<(int, IReadOnlyList<string>)>> records)
    {
        var (columns, missing, ignored) = BatchColumns.Map(headers);
        return new BatchSource(columns, missing, ignored, null, records);
    }

    /// <summary>
    /// The rows, read one at a time; wholly blank rows are skipped. Throws <see cref="BatchLimitException"/> when the
    /// file breaks one of <see cref="BatchLimits"/> part way through.
    /// </summary>
    public IEnumerable<BatchRow> Rows()
    {
        if (!IsUsable || records is null)
        {
            yield break;
        }
        var read = 0;
        foreach (var (line, cells) in records())
        {
            if (++read > BatchLimits.MaxRows)
            {
                throw BatchLimitException.Rows();
            }
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            var request = new ProjectRequest();
            List<FieldError>? problems = null;
            foreach (var column in Columns)
            {
                var value = column.Index < cells.Count ? cells[column.Index].Trim() : "";
                if (value.Length == 0)
                {
                    continue;
                }
                if (value.Contains(Replacement, StringComparison.Ordinal))
                {
                    (problems ??= []).Add(new FieldError(column.Field, BatchTexts.BrokenCharacters));
                    continue;
                }
                column.Assign(request, value);
            }
            yield return new BatchRow(line, request, problems ?? (IReadOnlyList<FieldError>)[]);
        }
    }
}
