using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Impactkaart.Engine;
using Impactkaart.Reports.Batch;

namespace Impactkaart.Reports.Tests;

/// <summary>Hostile batch files: each is refused by the limit it breaks, or read at the cost of its real cells only.</summary>
public sealed class BatchLimitsTests
{
    private const string Header = "naam;referentieproject;deelnemers;kosten\n";

    private static BatchSource Csv(string text) => BatchSource.Open(new MemoryStream(Encoding.UTF8.GetBytes(text)), BatchFormat.Csv);

    private static BatchLimitException Refused(BatchSource source)
    {
        Assert.True(source.IsUsable, source.Problem?.En ?? string.Join(", ", source.Missing));
        return Assert.Throws<BatchLimitException>(() => source.Rows().Count());
    }

    /// <summary>A workbook written by hand, as an attacker would: one sheet (its XML given whole or written by <paramref name="writeSheet"/>) and optional shared strings.</summary>
    internal static byte[] Workbook(Action<TextWriter> writeSheet, string? sharedStrings = null)
    {
        using var bytes = new MemoryStream();
        using (var zip = new ZipArchive(bytes, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Part(string path, string xml)
            {
                using var writer = new StreamWriter(zip.CreateEntry(path, CompressionLevel.Fastest).Open(), new UTF8Encoding(false));
                writer.Write(xml);
            }
            Part("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
            Part("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Part("xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Part("xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>""");
            if (sharedStrings is not null)
            {
                Part("xl/sharedStrings.xml", $"""<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{sharedStrings}</sst>""");
            }
            using var sheet = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open(), new UTF8Encoding(false));
            writeSheet(sheet);
        }
        return bytes.ToArray();
    }

    private static readonly string HeaderRow = """<row r="1">""" + Text("A1", "naam") + Text("B1", "referentieproject") + Text("C1", "deelnemers") + Text("D1", "kosten") + "</row>";

    private static string Text(string reference, string value) => $"""<c r="{reference}" t="inlineStr"><is><t>{value}</t></is></c>""";

    /// <summary>The sheet that held a server for minutes: it claims A1:XFD1000 and has a cell in column XFD on every row.</summary>
    internal static byte[] ClaimsEveryColumn(int rows) => Workbook(w =>
    {
        w.Write($"""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:XFD{rows}"/><sheetData>""");
        w.Write("""<row r="1">""" + Text("A1", "naam") + Text("B1", "referentieproject") + Text("C1", "deelnemers") + Text("D1", "kosten") + Text("XFD1", "x") + "</row>");
        for (var r = 2; r <= rows; r++)
        {
            w.Write($"""<row r="{r}">{Text($"A{r}", "P" + r)}{Text($"B{r}", "budgetcoaching")}<c r="C{r}"><v>80</v></c><c r="D{r}"><v>90000</v></c>{Text($"XFD{r}", "x")}</row>""");
        }
        w.Write("</sheetData></worksheet>");
    });

    [Fact]
    public void An_xlsx_claiming_A1_to_XFD1000_is_read_by_its_real_cells_and_never_right_of_the_known_columns()
    {
        var watch = Stopwatch.StartNew();
        var source = BatchSource.Open(new MemoryStream(ClaimsEveryColumn(1000)), BatchFormat.Xlsx);

        var rows = source.Rows().ToList();

        Assert.Equal(999, rows.Count);
        Assert.Equal("P1000", rows[^1].Request.Name);
        Assert.Equal("90000", rows[^1].Request.Cost);
        // The header row: its 5 real cells (XFD1 lies beyond the 200 columns read for a header and is skipped). Every
        // other row: the 4 known columns A-D; its XFD cell is never read.
        Assert.Equal(4 + (999 * 4), source.CellsRead);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }

    [Fact]
    public void A_csv_cell_of_20000_characters_is_refused_naming_the_cell_limit_and_its_line()
    {
        var refusal = Refused(Csv(Header + "Goed;budgetcoaching;80;90000\n" + new string('x', 20_000) + ";budgetcoaching;80;90000\n"));

        Assert.Equal("maxCellCharacters", refusal.Limit);
        Assert.Contains("10000 tekens (regel 3)", refusal.Problem.Nl, StringComparison.Ordinal);
        Assert.Contains("10000 characters (line 3)", refusal.Problem.En, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cell_of_exactly_10000_characters_is_read()
    {
        var row = Assert.Single(Csv(Header + new string('x', BatchLimits.MaxCellCharacters) + ";budgetcoaching;80;90000\n").Rows());

        Assert.Equal(BatchLimits.MaxCellCharacters, row.Request.Name!.Length);
    }

    [Fact]
    public void An_xlsx_cell_of_20000_characters_inline_or_shared_is_refused_naming_the_cell_limit()
    {
        var big = new string('x', 20_000);
        var inline = Workbook(w => w.Write($"""<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{HeaderRow}<row r="2">{Text("A2", big)}</row></sheetData></worksheet>"""));
        var shared = Workbook(w => w.Write($"""<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{HeaderRow}<row r="2"><c r="A2" t="s"><v>0</v></c></row></sheetData></worksheet>"""),
            $"<si><t>{big}</t></si>");

        Assert.Equal("maxCellCharacters", Refused(BatchSource.Open(new MemoryStream(inline), BatchFormat.Xlsx)).Limit);
        Assert.Equal("maxCellCharacters", Refused(BatchSource.Open(new MemoryStream(shared), BatchFormat.Xlsx)).Limit);
    }

    [Fact]
    public void A_csv_of_100000_rows_is_read_and_one_more_row_is_refused_naming_the_row_limit()
    {
        var rows = new StringBuilder(Header);
        for (var i = 0; i < BatchLimits.MaxRows; i++)
        {
            rows.Append("P;budgetcoaching;80;90000\n");
        }

        Assert.Equal(BatchLimits.MaxRows, Csv(rows.ToString()).Rows().Count());
        var refusal = Refused(Csv(rows.Append("P;budgetcoaching;80;90000\n").ToString()));
        Assert.Equal("maxRows", refusal.Limit);
        Assert.Contains("meer dan 100000 rijen", refusal.Problem.Nl, StringComparison.Ordinal);
    }

    [Fact]
    public void A_2_MB_csv_line_is_refused_naming_the_line_limit_in_the_header_and_in_a_row()
    {
        var separators = new string(';', 2 * 1024 * 1024);

        var header = Csv(separators + "\n");
        Assert.False(header.IsUsable);
        Assert.Equal("maxLineCharacters", header.Limit);
        Assert.Contains("1048576", header.Problem!.En, StringComparison.Ordinal);

        Assert.Equal("maxLineCharacters", Refused(Csv(Header + separators + "\n")).Limit);
    }

    [Fact]
    public void A_zip_bomb_whose_sheet_unpacks_beyond_200_MB_is_refused_naming_the_unpacked_limit()
    {
        var bomb = Workbook(w =>
        {
            w.Write($"""<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{HeaderRow}""");
            var spaces = new string(' ', 1024 * 1024);
            for (var i = 0; i < 201; i++)
            {
                w.Write(spaces);
            }
            w.Write("</sheetData></worksheet>");
        });
        Assert.True(bomb.Length < 2 * 1024 * 1024, $"{bomb.Length} bytes");

        Assert.Equal("maxXlsxPartBytes", Refused(BatchSource.Open(new MemoryStream(bomb), BatchFormat.Xlsx)).Limit);
    }

    [Fact]
    public void A_sheet_cut_off_part_way_is_refused_as_not_Excel_after_the_rows_before()
    {
        var cut = Workbook(w => w.Write($"""<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{HeaderRow}<row r="2">{Text("A2", "Oost")}</row><row r="3"><c r="A3" t="inlineStr"><is><t>Ka"""));

        var refusal = Refused(BatchSource.Open(new MemoryStream(cut), BatchFormat.Xlsx));

        Assert.Null(refusal.Limit);
        Assert.Equal(BatchTexts.NotExcel, refusal.Problem);
    }

    [Fact]
    public void A_cancelled_batch_stops_before_the_next_row()
    {
        var source = Csv(Header + "P;budgetcoaching;80;90000\n");
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => BatchRun.Execute(source, new BatchComputer(Maps.Model, new Engine.Calculation.SimulationSettings(0, Engine.Calculation.SimulationSettings.DefaultSeed), source.Columns),
            Stream.Null, BatchFormat.Csv, Language.Nl, cancel: cancel.Token));
    }
}
