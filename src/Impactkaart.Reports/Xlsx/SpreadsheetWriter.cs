using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Impactkaart.Reports.Xlsx;

/// <summary>How a cell's number reads. Each maps onto one Excel number format.</summary>
internal enum NumberFormat
{
    General,
    Integer,
    Money,
    Ratio,
    Fraction,
    Factor,
    Percent,
}

/// <summary>A cell's look: its number format, whether it is an input (filled yellow), bold, wrapped.</summary>
internal readonly record struct CellStyle(NumberFormat Format = NumberFormat.General, bool Input = false, bool Bold = false, bool Wrap = false)
{
    public static CellStyle Plain => default;
    /// <summary>A column header: bold, wrapped, so a long header makes its row taller rather than its column wider.</summary>
    public static CellStyle Header => new(Bold: true, Wrap: true);

    /// <summary>A heading over a part of a sheet: bold, on one line.</summary>
    public static CellStyle Heading => new(Bold: true);
}

/// <summary>One cell: text (never evaluated), a number, or a formula with the value it had when written.</summary>
internal abstract record Cell(CellStyle Style);

internal sealed record TextCell(string Text, CellStyle Style) : Cell(Style);

internal sealed record NumberCell(double Value, CellStyle Style) : Cell(Style);

/// <summary>An empty cell with a look, e.g. an input a person may fill in.</summary>
internal sealed record BlankCell(CellStyle Style) : Cell(Style);

/// <summary>
/// A formula (without the leading '=') with its cached result, a number or a text, so that readers that do not
/// recalculate still show the figure. An empty text (or null) is written as no cached value.
/// </summary>
internal sealed record FormulaCell(string Formula, object? Cached, CellStyle Style) : Cell(Style);

/// <summary>A whole number between two bounds, checked by Excel when a person types into the cell.</summary>
internal sealed record WholeNumberRule(string CellAddress, int Min, int Max, string Title, string Message);

/// <summary>One worksheet: rows of cells from row 1, column widths worked out from the rows that ask for it.</summary>
internal sealed class Sheet(string name)
{
    private readonly List<Cell?[]> rows = [];
    private readonly HashSet<int> rowsWithoutWidth = [];

    public string Name { get; } = name;

    public IReadOnlyList<Cell?[]> Rows => rows;

    /// <summary>Rows kept in view when scrolling (0 for none).</summary>
    public int FrozenRows { get; set; }

    public List<WholeNumberRule> Rules { get; } = [];

    /// <summary>The 1-based number the next row will get.</summary>
    public int NextRow => rows.Count + 1;

    /// <summary>Adds a row and returns its 1-based number.</summary>
    public int Add(params Cell?[] cells)
    {
        rows.Add(cells);
        return rows.Count;
    }

    /// <summary>Adds a row of long text that may run over empty neighbours: it does not widen its column.</summary>
    public int AddNote(Cell cell)
    {
        rows.Add([cell]);
        rowsWithoutWidth.Add(rows.Count);
        return rows.Count;
    }

    internal bool CountsForWidth(int row) => !rowsWithoutWidth.Contains(row);
}

/// <summary>
/// Writes a workbook in SpreadsheetML with nothing but the zip archive: shared strings, a small style sheet, defined
/// names and formulas with their cached values. Part paths in relationships are relative to their source part (some
/// readers refuse absolute ones); the zip entries carry a fixed date, so the same workbook gives the same bytes.
/// </summary>
internal static class SpreadsheetWriter
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string OfficeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string ContentTypes = "http://schemas.openxmlformats.org/package/2006/content-types";
    private static readonly DateTimeOffset FixedDate = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The workbook as xlsx bytes. <paramref name="names"/> are workbook-wide names for single cells ("Deelnemers" = "Invoer!$B$9").</summary>
    public static byte[] Write(IReadOnlyList<Sheet> sheets, IReadOnlyList<(string Name, string Reference)> names)
    {
        var strings = new SharedStrings();
        var styles = new StyleTable();
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Entry(zip, "[Content_Types].xml", w => ContentTypesXml(w, sheets.Count));
            Entry(zip, "_rels/.rels", w => Relationships(w, [("rId1", OfficeRelationships + "/officeDocument", "xl/workbook.xml")], PackageRelationships));
            Entry(zip, "xl/workbook.xml", w => WorkbookXml(w, sheets, names));
            var workbookRels = sheets.Select((_, i) => ($"rId{i + 1}", OfficeRelationships + "/worksheet", $"worksheets/sheet{i + 1}.xml")).ToList();
            workbookRels.Add(($"rId{sheets.Count + 1}", OfficeRelationships + "/styles", "styles.xml"));
            workbookRels.Add(($"rId{sheets.Count + 2}", OfficeRelationships + "/sharedStrings", "sharedStrings.xml"));
            Entry(zip, "xl/_rels/workbook.xml.rels", w => Relationships(w, workbookRels, PackageRelationships));
            // Sheets before the styles and shared strings: writing the sheets is what fills those two tables.
            for (var i = 0; i < sheets.Count; i++)
            {
                var sheet = sheets[i];
                Entry(zip, $"xl/worksheets/sheet{i + 1}.xml", w => SheetXml(w, sheet, strings, styles));
            }
            Entry(zip, "xl/styles.xml", styles.Write);
            Entry(zip, "xl/sharedStrings.xml", strings.Write);
        }
        return stream.ToArray();
    }

    /// <summary>"B7" for column 1 (0-based) and row 7; with <paramref name="absolute"/> "$B$7".</summary>
    public static string Address(int column, int row, bool absolute = false) =>
        absolute ? $"${ColumnName(column)}${row}" : ColumnName(column) + row.ToString(CultureInfo.InvariantCulture);

    /// <summary>A cell on a sheet as a formula names it: "'Per jaar'!$B$7", quoted when the name needs it.</summary>
    public static string Reference(string sheet, int column, int row) => SheetPrefix(sheet) + Address(column, row, absolute: true);

    /// <summary>A column range on a sheet, rows <paramref name="first"/> to <paramref name="last"/>: "Rekenspoor!$M$2:$M$40".</summary>
    public static string ColumnRange(string sheet, int column, int first, int last) =>
        SheetPrefix(sheet) + Address(column, first, absolute: true) + ":" + Address(column, last, absolute: true);

    public static string ColumnName(int column)
    {
        var name = "";
        for (var c = column + 1; c > 0; c = (c - 1) / 26)
        {
            name = (char)('A' + (c - 1) % 26) + name;
        }
        return name;
    }

    private static string SheetPrefix(string sheet) =>
        sheet.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') && !char.IsAsciiDigit(sheet[0])
            ? sheet + "!"
            : "'" + sheet.Replace("'", "''", StringComparison.Ordinal) + "'!";

    private static void Entry(ZipArchive zip, string path, Action<XmlWriter> write)
    {
        var entry = zip.CreateEntry(path, CompressionLevel.Optimal);
        entry.LastWriteTime = FixedDate;
        using var stream = entry.Open();
        using var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), CloseOutput = false });
        writer.WriteStartDocument(standalone: true);
        write(writer);
        writer.WriteEndDocument();
    }

    private static void ContentTypesXml(XmlWriter w, int sheetCount)
    {
        w.WriteStartElement("Types", ContentTypes);
        Default(w, "rels", "application/vnd.openxmlformats-package.relationships+xml");
        Default(w, "xml", "application/xml");
        // A part name in [Content_Types].xml is always rooted ("/xl/..."); only relationship targets are relative.
        Override(w, "/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");
        for (var i = 1; i <= sheetCount; i++)
        {
            Override(w, $"/xl/worksheets/sheet{i}.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml");
        }
        Override(w, "/xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml");
        Override(w, "/xl/sharedStrings.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml");
        w.WriteEndElement();

        static void Default(XmlWriter w, string extension, string type)
        {
            w.WriteStartElement("Default", ContentTypes);
            w.WriteAttributeString("Extension", extension);
            w.WriteAttributeString("ContentType", type);
            w.WriteEndElement();
        }

        static void Override(XmlWriter w, string part, string type)
        {
            w.WriteStartElement("Override", ContentTypes);
            w.WriteAttributeString("PartName", part);
            w.WriteAttributeString("ContentType", type);
            w.WriteEndElement();
        }
    }

    private static void Relationships(XmlWriter w, IEnumerable<(string Id, string Type, string Target)> relationships, string ns)
    {
        w.WriteStartElement("Relationships", ns);
        foreach (var (id, type, target) in relationships)
        {
            w.WriteStartElement("Relationship", ns);
            w.WriteAttributeString("Id", id);
            w.WriteAttributeString("Type", type);
            w.WriteAttributeString("Target", target);
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    private static void WorkbookXml(XmlWriter w, IReadOnlyList<Sheet> sheets, IReadOnlyList<(string Name, string Reference)> names)
    {
        w.WriteStartElement("workbook", Main);
        w.WriteAttributeString("xmlns", "r", null, OfficeRelationships);
        w.WriteStartElement("bookViews", Main);
        w.WriteStartElement("workbookView", Main);
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteStartElement("sheets", Main);
        for (var i = 0; i < sheets.Count; i++)
        {
            w.WriteStartElement("sheet", Main);
            w.WriteAttributeString("name", sheets[i].Name);
            w.WriteAttributeString("sheetId", (i + 1).ToString(CultureInfo.InvariantCulture));
            w.WriteAttributeString("r", "id", OfficeRelationships, $"rId{i + 1}");
            w.WriteEndElement();
        }
        w.WriteEndElement();
        if (names.Count > 0)
        {
            w.WriteStartElement("definedNames", Main);
            foreach (var (name, reference) in names)
            {
                w.WriteStartElement("definedName", Main);
                w.WriteAttributeString("name", name);
                w.WriteString(reference);
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }
        // The cached values are the engine's; a spreadsheet program still recomputes on opening, as after any change.
        w.WriteStartElement("calcPr", Main);
        w.WriteAttributeString("calcId", "191029");
        w.WriteAttributeString("fullCalcOnLoad", "1");
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void SheetXml(XmlWriter w, Sheet sheet, SharedStrings strings, StyleTable styles)
    {
        w.WriteStartElement("worksheet", Main);
        w.WriteAttributeString("xmlns", "r", null, OfficeRelationships);
        w.WriteStartElement("sheetViews", Main);
        w.WriteStartElement("sheetView", Main);
        w.WriteAttributeString("workbookViewId", "0");
        if (sheet.FrozenRows > 0)
        {
            var topLeft = Address(0, sheet.FrozenRows + 1);
            w.WriteStartElement("pane", Main);
            w.WriteAttributeString("ySplit", sheet.FrozenRows.ToString(CultureInfo.InvariantCulture));
            w.WriteAttributeString("topLeftCell", topLeft);
            w.WriteAttributeString("activePane", "bottomLeft");
            w.WriteAttributeString("state", "frozen");
            w.WriteEndElement();
        }
        w.WriteEndElement();
        w.WriteEndElement();
        var widths = Widths(sheet);
        if (widths.Count > 0)
        {
            w.WriteStartElement("cols", Main);
            for (var c = 0; c < widths.Count; c++)
            {
                var column = (c + 1).ToString(CultureInfo.InvariantCulture);
                w.WriteStartElement("col", Main);
                w.WriteAttributeString("min", column);
                w.WriteAttributeString("max", column);
                w.WriteAttributeString("width", widths[c].ToString(CultureInfo.InvariantCulture));
                w.WriteAttributeString("customWidth", "1");
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }
        w.WriteStartElement("sheetData", Main);
        for (var r = 0; r < sheet.Rows.Count; r++)
        {
            var row = sheet.Rows[r];
            w.WriteStartElement("row", Main);
            w.WriteAttributeString("r", (r + 1).ToString(CultureInfo.InvariantCulture));
            for (var c = 0; c < row.Length; c++)
            {
                if (row[c] is { } cell)
                {
                    WriteCell(w, cell, Address(c, r + 1), strings, styles);
                }
            }
            w.WriteEndElement();
        }
        w.WriteEndElement();
        if (sheet.Rules.Count > 0)
        {
            w.WriteStartElement("dataValidations", Main);
            w.WriteAttributeString("count", sheet.Rules.Count.ToString(CultureInfo.InvariantCulture));
            foreach (var rule in sheet.Rules)
            {
                w.WriteStartElement("dataValidation", Main);
                w.WriteAttributeString("type", "whole");
                w.WriteAttributeString("operator", "between");
                w.WriteAttributeString("allowBlank", "0");
                w.WriteAttributeString("showErrorMessage", "1");
                w.WriteAttributeString("showInputMessage", "1");
                w.WriteAttributeString("errorTitle", Clean(rule.Title));
                w.WriteAttributeString("error", Clean(rule.Message));
                w.WriteAttributeString("promptTitle", Clean(rule.Title));
                w.WriteAttributeString("prompt", Clean(rule.Message));
                w.WriteAttributeString("sqref", rule.CellAddress);
                w.WriteElementString("formula1", Main, rule.Min.ToString(CultureInfo.InvariantCulture));
                w.WriteElementString("formula2", Main, rule.Max.ToString(CultureInfo.InvariantCulture));
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }
        w.WriteStartElement("pageMargins", Main);
        foreach (var (side, inches) in new[] { ("left", "0.7"), ("right", "0.7"), ("top", "0.75"), ("bottom", "0.75"), ("header", "0.3"), ("footer", "0.3") })
        {
            w.WriteAttributeString(side, inches);
        }
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void WriteCell(XmlWriter w, Cell cell, string address, SharedStrings strings, StyleTable styles)
    {
        w.WriteStartElement("c", Main);
        w.WriteAttributeString("r", address);
        var style = styles.IndexOf(cell.Style);
        if (style != 0)
        {
            w.WriteAttributeString("s", style.ToString(CultureInfo.InvariantCulture));
        }
        switch (cell)
        {
            case TextCell text:
                w.WriteAttributeString("t", "s");
                w.WriteElementString("v", Main, strings.IndexOf(text.Text).ToString(CultureInfo.InvariantCulture));
                break;
            case NumberCell number:
                w.WriteElementString("v", Main, Number(number.Value));
                break;
            case BlankCell:
                break;
            case FormulaCell formula:
                if (formula.Cached is not double)
                {
                    w.WriteAttributeString("t", "str");
                }
                w.WriteElementString("f", Main, formula.Formula);
                if (formula.Cached is double d)
                {
                    w.WriteElementString("v", Main, Number(d));
                }
                else if (formula.Cached is string { Length: > 0 } text)
                {
                    w.WriteElementString("v", Main, Clean(text));
                }
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(cell), cell.GetType().Name, "A cell is text, a number or a formula.");
        }
        w.WriteEndElement();
    }

    private static string Number(double value) =>
        double.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : throw new ArgumentOutOfRangeException(nameof(value), value, "A cell holds a finite number.");

    /// <summary>Column widths in characters, from the longest shown text or number in each column (10 to 60); wrapped text counts up to 22.</summary>
    private static List<double> Widths(Sheet sheet)
    {
        var widths = new List<double>();
        for (var r = 0; r < sheet.Rows.Count; r++)
        {
            if (!sheet.CountsForWidth(r + 1))
            {
                continue;
            }
            var row = sheet.Rows[r];
            for (var c = 0; c < row.Length; c++)
            {
                while (widths.Count <= c)
                {
                    widths.Add(10);
                }
                var length = row[c] switch
                {
                    TextCell { Style.Wrap: true } t => Math.Min(t.Text.Length, 22),
                    TextCell t => t.Text.Length,
                    NumberCell or FormulaCell => 14,
                    _ => 0,
                };
                widths[c] = Math.Clamp(Math.Max(widths[c], length + 2), 10, 60);
            }
        }
        return widths;
    }

    /// <summary>Text as XML can carry it: characters XML forbids (most control characters) become U+FFFD.</summary>
    internal static string Clean(string text)
    {
        StringBuilder? clean = null;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            var ok = char.IsSurrogatePair(text, i) || (!char.IsSurrogate(ch) && XmlConvert.IsXmlChar(ch));
            if (!ok)
            {
                clean ??= new StringBuilder(text, 0, i, text.Length);
                clean.Append('\uFFFD');
            }
            else if (char.IsSurrogatePair(text, i))
            {
                clean?.Append(ch).Append(text[i + 1]);
                i++;
            }
            else
            {
                clean?.Append(ch);
            }
        }
        return clean?.ToString() ?? text;
    }

    private sealed class SharedStrings
    {
        private readonly Dictionary<string, int> indices = new(StringComparer.Ordinal);
        private readonly List<string> texts = [];
        private int count;

        public int IndexOf(string text)
        {
            count++;
            text = Clean(text);
            if (!indices.TryGetValue(text, out var index))
            {
                index = texts.Count;
                indices[text] = index;
                texts.Add(text);
            }
            return index;
        }

        public void Write(XmlWriter w)
        {
            w.WriteStartElement("sst", Main);
            w.WriteAttributeString("count", count.ToString(CultureInfo.InvariantCulture));
            w.WriteAttributeString("uniqueCount", texts.Count.ToString(CultureInfo.InvariantCulture));
            foreach (var text in texts)
            {
                w.WriteStartElement("si", Main);
                w.WriteStartElement("t", Main);
                w.WriteAttributeString("xml", "space", null, "preserve");
                w.WriteString(text);
                w.WriteEndElement();
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }
    }

    /// <summary>The distinct cell styles in use, in order of first use after the plain one (index 0).</summary>
    private sealed class StyleTable
    {
        private readonly List<CellStyle> styles = [CellStyle.Plain];

        public int IndexOf(CellStyle style)
        {
            var index = styles.IndexOf(style);
            if (index < 0)
            {
                styles.Add(style);
                index = styles.Count - 1;
            }
            return index;
        }

        private static (int Id, string? Code) Format(NumberFormat format) => format switch
        {
            NumberFormat.Integer => (3, null),
            NumberFormat.Money => (4, null),
            NumberFormat.Ratio => (2, null),
            NumberFormat.Fraction => (164, "0.0000"),
            NumberFormat.Factor => (165, "0.000000"),
            NumberFormat.Percent => (166, "0.00%"),
            _ => (0, null),
        };

        public void Write(XmlWriter w)
        {
            w.WriteStartElement("styleSheet", Main);
            var custom = Enum.GetValues<NumberFormat>().Select(Format).Where(f => f.Code is not null).ToList();
            w.WriteStartElement("numFmts", Main);
            w.WriteAttributeString("count", custom.Count.ToString(CultureInfo.InvariantCulture));
            foreach (var (id, code) in custom)
            {
                w.WriteStartElement("numFmt", Main);
                w.WriteAttributeString("numFmtId", id.ToString(CultureInfo.InvariantCulture));
                w.WriteAttributeString("formatCode", code);
                w.WriteEndElement();
            }
            w.WriteEndElement();

            w.WriteStartElement("fonts", Main);
            w.WriteAttributeString("count", "2");
            foreach (var bold in new[] { false, true })
            {
                w.WriteStartElement("font", Main);
                if (bold)
                {
                    w.WriteElementString("b", Main, null);
                }
                Value(w, "sz", "11");
                Value(w, "name", "Calibri");
                Value(w, "family", "2");
                w.WriteEndElement();
            }
            w.WriteEndElement();

            w.WriteStartElement("fills", Main);
            w.WriteAttributeString("count", "3");
            Fill(w, "none", null);
            Fill(w, "gray125", null);
            Fill(w, "solid", "FFFFF2CC");
            w.WriteEndElement();

            w.WriteStartElement("borders", Main);
            w.WriteAttributeString("count", "1");
            w.WriteStartElement("border", Main);
            foreach (var side in new[] { "left", "right", "top", "bottom", "diagonal" })
            {
                w.WriteElementString(side, Main, null);
            }
            w.WriteEndElement();
            w.WriteEndElement();

            w.WriteStartElement("cellStyleXfs", Main);
            w.WriteAttributeString("count", "1");
            Xf(w, CellStyle.Plain, withXfId: false);
            w.WriteEndElement();

            w.WriteStartElement("cellXfs", Main);
            w.WriteAttributeString("count", styles.Count.ToString(CultureInfo.InvariantCulture));
            foreach (var style in styles)
            {
                Xf(w, style, withXfId: true);
            }
            w.WriteEndElement();

            w.WriteStartElement("cellStyles", Main);
            w.WriteAttributeString("count", "1");
            w.WriteStartElement("cellStyle", Main);
            w.WriteAttributeString("name", "Normal");
            w.WriteAttributeString("xfId", "0");
            w.WriteAttributeString("builtinId", "0");
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndElement();
        }

        private static void Value(XmlWriter w, string element, string value)
        {
            w.WriteStartElement(element, Main);
            w.WriteAttributeString("val", value);
            w.WriteEndElement();
        }

        private static void Fill(XmlWriter w, string pattern, string? colour)
        {
            w.WriteStartElement("fill", Main);
            w.WriteStartElement("patternFill", Main);
            w.WriteAttributeString("patternType", pattern);
            if (colour is not null)
            {
                w.WriteStartElement("fgColor", Main);
                w.WriteAttributeString("rgb", colour);
                w.WriteEndElement();
                w.WriteStartElement("bgColor", Main);
                w.WriteAttributeString("indexed", "64");
                w.WriteEndElement();
            }
            w.WriteEndElement();
            w.WriteEndElement();
        }

        private static void Xf(XmlWriter w, CellStyle style, bool withXfId)
        {
            var format = Format(style.Format).Id.ToString(CultureInfo.InvariantCulture);
            w.WriteStartElement("xf", Main);
            w.WriteAttributeString("numFmtId", format);
            w.WriteAttributeString("fontId", style.Bold ? "1" : "0");
            w.WriteAttributeString("fillId", style.Input ? "2" : "0");
            w.WriteAttributeString("borderId", "0");
            if (withXfId)
            {
                w.WriteAttributeString("xfId", "0");
                if (style.Format != NumberFormat.General)
                {
                    w.WriteAttributeString("applyNumberFormat", "1");
                }
                if (style.Bold)
                {
                    w.WriteAttributeString("applyFont", "1");
                }
                if (style.Input)
                {
                    w.WriteAttributeString("applyFill", "1");
                }
                if (style.Wrap)
                {
                    w.WriteAttributeString("applyAlignment", "1");
                }
            }
            if (style.Wrap)
            {
                w.WriteStartElement("alignment", Main);
                w.WriteAttributeString("wrapText", "1");
                w.WriteAttributeString("vertical", "top");
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }
    }
}
