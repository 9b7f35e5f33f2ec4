using System.Globalization;
using System.Text;
using Impactkaart.Engine;
using Impactkaart.Engine.Calculation;
using MiniExcelLibs;

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
        var headerLine = reader.ReadLine();
        if (string.IsNullOrWhiteSpace(headerLine))
        {
            return Unusable(BatchTexts.EmptyFile);
        }
        var separator = CsvRecords.DetectSeparator(headerLine);
        var headers = new CsvRecords(new StringReader(headerLine), separator).Next() ?? [];
        return WithHeaders(headers, () => CsvRows(new CsvRecords(reader, separator, firstLine: 2)));
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
        IEnumerator<IDictionary<string, object?>> rows;
        try
        {
            // Streamed: MiniExcel reads the first sheet's rows one at a time; keys are the column letters A, B, ...
            rows = MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().GetEnumerator();
            if (!rows.MoveNext())
            {
                return Unusable(BatchTexts.EmptyFile);
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException or InvalidOperationException or System.Xml.XmlException or NotSupportedException)
        {
            return Unusable(BatchTexts.NotExcel);
        }
        var headers = rows.Current.Values.Select(Cell).ToList();
        return WithHeaders(headers, () => XlsxRows(rows));
    }

    private static IEnumerable<(int, IReadOnlyList<string>)> XlsxRows(IEnumerator<IDictionary<string, object?>> rows)
    {
        var line = 1;
        using (rows)
        {
            while (rows.MoveNext())
            {
                line++;
                yield return (line, rows.Current.Values.Select(Cell).ToList());
            }
        }
    }

    /// <summary>
    /// A cell as the text a user would have typed: numbers with a point (a number cell of 1.125 as "1.1250", so it is
    /// not read as the amount 1125), dates as yyyy-mm-dd.
    /// </summary>
    private static string Cell(object? value) => value switch
    {
        null => "",
        string s => s,
        double d => NumberText.Write(d),
        decimal m => NumberText.Write(m),
        DateTime t => t.ToString(t.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static BatchSource Unusable(Text problem) => new([], [], [], problem, null);

    private static BatchSource WithHeaders(IReadOnlyList<string> headers, Func<IEnumerable<(int, IReadOnlyList<string>)>> records)
    {
        var (columns, missing, ignored) = BatchColumns.Map(headers);
        return new BatchSource(columns, missing, ignored, null, records);
    }

    /// <summary>The rows, read one at a time; wholly blank rows are skipped.</summary>
    public IEnumerable<BatchRow> Rows()
    {
        if (!IsUsable || records is null)
        {
            yield break;
        }
        foreach (var (line, cells) in records())
        {
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
