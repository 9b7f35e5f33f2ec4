using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Impactkaart.Reports.Batch;

/// <summary>
/// The first sheet of an .xlsx file, read row by row straight from its XML with an <see cref="XmlReader"/>. The sheet's
/// claimed dimension is never used: a row holds only its real cells, and cells right of the columns asked for are
/// skipped unread. Every part is read through a counter that stops at <see cref="BatchLimits.MaxXlsxPartBytes"/>
/// uncompressed (zip bombs), and no text longer than <see cref="BatchLimits.MaxCellCharacters"/> is held.
/// </summary>
internal sealed class XlsxSheet : IDisposable
{
    private const string MainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    private readonly ZipArchive zip;
    private readonly ZipArchiveEntry sheet;
    private readonly List<string?> sharedStrings;
    private readonly bool[] dateStyles;

    private XlsxSheet(ZipArchive zip, ZipArchiveEntry sheet, List<string?> sharedStrings, bool[] dateStyles)
    {
        this.zip = zip;
        this.sheet = sheet;
        this.sharedStrings = sharedStrings;
        this.dateStyles = dateStyles;
    }

    /// <summary>The number of cells whose value was read (for tests: cells right of the asked columns are not counted).</summary>
    public long CellsRead { get; private set; }

    /// <summary>Opens the workbook; throws <see cref="InvalidDataException"/> or <see cref="XmlException"/> when it is not one.</summary>
    public static XlsxSheet Open(Stream stream)
    {
        var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        try
        {
            var (sheetPath, stringsPath, stylesPath) = Parts(zip);
            var sheet = zip.GetEntry(sheetPath) ?? throw new InvalidDataException("The workbook has no sheet.");
            var strings = stringsPath is not null && zip.GetEntry(stringsPath) is { } s ? ReadSharedStrings(s) : [];
            var styles = stylesPath is not null && zip.GetEntry(stylesPath) is { } st ? ReadDateStyles(st) : [];
            return new XlsxSheet(zip, sheet, strings, styles);
        }
        catch
        {
            zip.Dispose();
            throw;
        }
    }

    public void Dispose() => zip.Dispose();

    /// <summary>
    /// The rows in order, each as its line number and its cells from column A up to the last real cell, at most
    /// <paramref name="width"/> cells (a cell not in the file is ""). <paramref name="width"/> may be lowered between rows.
    /// </summary>
    public IEnumerable<(int Line, IReadOnlyList<string> Cells)> Rows(Func<int> width)
    {
        using var reader = XmlReader.Create(Bounded(sheet), Settings);
        var line = 0;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "row")
            {
                continue;
            }
            line = int.TryParse(reader.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) && r > line ? r : line + 1;
            var cells = new List<string>();
            if (!reader.IsEmptyElement)
            {
                ReadRow(reader, line, Math.Min(width(), BatchLimits.MaxColumns), cells);
            }
            yield return (line, cells);
        }
    }

    private void ReadRow(XmlReader reader, int line, int width, List<string> cells)
    {
        var depth = reader.Depth;
        var column = -1;
        reader.Read();
        while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "c")
            {
                reader.Read();
                continue;
            }
            column = ColumnOf(reader.GetAttribute("r")) ?? column + 1;
            if (column >= width || column < cells.Count)
            {
                // Right of the columns asked for (or out of order): skipped without reading its value.
                reader.Skip();
                continue;
            }
            var value = ReadCell(reader, line);
            while (cells.Count < column)
            {
                cells.Add("");
            }
            cells.Add(value);
            reader.Read();
        }
    }

    /// <summary>One &lt;c&gt; element's value as text; leaves the reader on its end (or on it when empty).</summary>
    private string ReadCell(XmlReader reader, int line)
    {
        CellsRead++;
        var type = reader.GetAttribute("t");
        var style = int.TryParse(reader.GetAttribute("s"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
        if (reader.IsEmptyElement)
        {
            return "";
        }
        var depth = reader.Depth;
        string? raw = null;
        reader.Read();
        while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                reader.Read();
            }
            else if (reader.LocalName == "v")
            {
                raw = ReadText(reader, line);
                reader.Read();
            }
            else if (reader.LocalName == "is")
            {
                raw = ReadRichText(reader, line);
                reader.Read();
            }
            else
            {
                reader.Skip(); // a formula (<f>) or an extension: not a value
            }
        }
        if (raw is null)
        {
            return "";
        }
        return type switch
        {
            "s" => int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < sharedStrings.Count
                ? sharedStrings[i] ?? throw BatchLimitException.Cell(line)
                : "",
            "inlineStr" or "str" or "e" => raw,
            "b" => raw.Trim() == "1" ? "true" : "false",
            "d" => DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso) ? DateText(iso) : raw,
            _ => Number(raw, style),
        };
    }

    /// <summary>A number cell as the text a user would have typed; a date-formatted one as yyyy-mm-dd.</summary>
    private string Number(string raw, int style)
    {
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return raw;
        }
        if (style < dateStyles.Length && dateStyles[style] && number is > -657435 and < 2958466)
        {
            return DateText(DateTime.FromOADate(number));
        }
        return BatchSource.NumberCell(number);
    }

    private static string DateText(DateTime t) =>
        t.ToString(t.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The text of an element with only text inside (&lt;v&gt;, &lt;t&gt;), read in chunks and refused beyond the cell limit.</summary>
    private static string ReadText(XmlReader reader, int line)
    {
        var text = ReadBoundedText(reader);
        return text ?? throw BatchLimitException.Cell(line);
    }

    /// <summary>Like <see cref="ReadText"/>, but null when too long; leaves the reader on the element's end.</summary>
    private static string? ReadBoundedText(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            return "";
        }
        var depth = reader.Depth;
        var text = new StringBuilder();
        var buffer = new char[4096];
        var tooLong = false;
        while (reader.Read() && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType is not (XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace))
            {
                continue;
            }
            int read;
            while ((read = reader.ReadValueChunk(buffer, 0, buffer.Length)) > 0)
            {
                if (!tooLong && text.Length + read > BatchLimits.MaxCellCharacters)
                {
                    tooLong = true;
                    text.Clear();
                }
                if (!tooLong)
                {
                    text.Append(buffer, 0, read);
                }
            }
        }
        return tooLong ? null : text.ToString();
    }

    /// <summary>The text runs (&lt;t&gt;, also inside &lt;r&gt;) of an &lt;is&gt; or &lt;si&gt; element; phonetic runs are left out.</summary>
    private static string ReadRichText(XmlReader reader, int line) => ReadBoundedRichText(reader) ?? throw BatchLimitException.Cell(line);

    private static string? ReadBoundedRichText(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            return "";
        }
        var depth = reader.Depth;
        var text = new StringBuilder();
        var tooLong = false;
        reader.Read();
        while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                reader.Read();
                continue;
            }
            if (reader.LocalName == "rPh")
            {
                reader.Skip(); // a phonetic reading, not part of the text
                continue;
            }
            if (reader.LocalName != "t")
            {
                reader.Read(); // <r> and <rPr>: the runs' <t> inside are read in turn
                continue;
            }
            var part = ReadBoundedText(reader);
            if (part is null || text.Length + part.Length > BatchLimits.MaxCellCharacters)
            {
                tooLong = true;
                text.Clear();
            }
            else if (!tooLong)
            {
                text.Append(part);
            }
            reader.Read();
        }
        return tooLong ? null : text.ToString();
    }

    /// <summary>The shared strings in order; one longer than the cell limit is kept as null and refused only when a cell uses it.</summary>
    private static List<string?> ReadSharedStrings(ZipArchiveEntry entry)
    {
        var strings = new List<string?>();
        using var reader = XmlReader.Create(Bounded(entry), Settings);
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "si")
            {
                strings.Add(ReadBoundedRichText(reader));
            }
        }
        return strings;
    }

    /// <summary>For each cell style (cellXfs index): whether its number format shows a date.</summary>
    private static bool[] ReadDateStyles(ZipArchiveEntry entry)
    {
        var customDates = new HashSet<int>();
        var styles = new List<bool>();
        using var reader = XmlReader.Create(Bounded(entry), Settings);
        var inCellXfs = false;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "cellXfs")
            {
                inCellXfs = false;
            }
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }
            switch (reader.LocalName)
            {
                case "numFmt" when int.TryParse(reader.GetAttribute("numFmtId"), NumberStyles.None, CultureInfo.InvariantCulture, out var id):
                    if (IsDateFormat(reader.GetAttribute("formatCode") ?? ""))
                    {
                        customDates.Add(id);
                    }
                    break;
                case "cellXfs":
                    inCellXfs = !reader.IsEmptyElement;
                    break;
                case "xf" when inCellXfs && styles.Count < 65_536:
                    var format = int.TryParse(reader.GetAttribute("numFmtId"), NumberStyles.None, CultureInfo.InvariantCulture, out var f) ? f : 0;
                    styles.Add(format is >= 14 and <= 22 or >= 45 and <= 47 || customDates.Contains(format));
                    break;
            }
        }
        return [.. styles];
    }

    /// <summary>A format code shows a date when it has a y, m, d or h outside quotes and brackets (m alone could be minutes, but never without a date or hour beside it).</summary>
    private static bool IsDateFormat(string code)
    {
        var quoted = false;
        var bracketed = false;
        foreach (var ch in code)
        {
            switch (ch)
            {
                case '"':
                    quoted = !quoted;
                    break;
                case '[' when !quoted:
                    bracketed = true;
                    break;
                case ']' when !quoted:
                    bracketed = false;
                    break;
                case 'y' or 'Y' or 'd' or 'D' or 'm' or 'M' or 'h' or 'H' when !quoted && !bracketed:
                    return true;
            }
        }
        return false;
    }

    /// <summary>The paths of the first sheet, the shared strings and the styles, through the workbook's relationships.</summary>
    private static (string Sheet, string? Strings, string? Styles) Parts(ZipArchive zip)
    {
        var workbook = zip.GetEntry("xl/workbook.xml") ?? throw new InvalidDataException("No xl/workbook.xml.");
        string? firstSheetId = null;
        using (var reader = XmlReader.Create(Bounded(workbook), Settings))
        {
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "sheet")
                {
                    firstSheetId = reader.GetAttribute("id", RelationshipNamespace);
                    break;
                }
            }
        }
        string? sheet = null, strings = null, styles = null;
        if (zip.GetEntry("xl/_rels/workbook.xml.rels") is { } rels)
        {
            using var reader = XmlReader.Create(Bounded(rels), Settings);
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "Relationship")
                {
                    continue;
                }
                var target = reader.GetAttribute("Target");
                if (target is null)
                {
                    continue;
                }
                var path = target.StartsWith('/') ? target.TrimStart('/') : "xl/" + target;
                var type = reader.GetAttribute("Type") ?? "";
                if (firstSheetId is not null && reader.GetAttribute("Id") == firstSheetId)
                {
                    sheet = path;
                }
                else if (type.EndsWith("/sharedStrings", StringComparison.Ordinal))
                {
                    strings = path;
                }
                else if (type.EndsWith("/styles", StringComparison.Ordinal))
                {
                    styles = path;
                }
            }
        }
        return (sheet ?? "xl/worksheets/sheet1.xml", strings ?? "xl/sharedStrings.xml", styles ?? "xl/styles.xml");
    }

    /// <summary>The column of a cell reference ("C7" is 2), or null when it has none.</summary>
    internal static int? ColumnOf(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }
        var column = 0;
        var letters = 0;
        foreach (var ch in reference)
        {
            var upper = char.ToUpperInvariant(ch);
            if (upper is < 'A' or > 'Z')
            {
                break;
            }
            if (++letters > 3)
            {
                return null;
            }
            column = (column * 26) + (upper - 'A' + 1);
        }
        return letters == 0 ? null : column - 1;
    }

    private static BoundedStream Bounded(ZipArchiveEntry entry) => new BoundedStream(entry.Open(), BatchLimits.MaxXlsxPartBytes);

    /// <summary>A read-only stream that refuses to give more than its limit of bytes.</summary>
    private sealed class BoundedStream(Stream inner, long limit) : Stream
    {
        private long read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = inner.Read(buffer, offset, count);
            read += n;
            if (read > limit)
            {
                throw BatchLimitException.Part();
            }
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
