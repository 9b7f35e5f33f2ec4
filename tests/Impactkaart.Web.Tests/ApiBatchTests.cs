using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using MiniExcelLibs;

namespace Impactkaart.Web.Tests;

/// <summary>POST /api/v1/batch: a CSV or Excel upload in, the results file out; every error a problem-details body naming the field.</summary>
public sealed class ApiBatchTests(WebApp app) : IClassFixture<WebApp>
{
    private const string Projects = "naam;referentieproject;deelnemers;kosten\nGeld Oost;budgetcoaching;80;90000,00\nFout;budgetcoaching;nul;90000\n";

    private readonly HttpClient client = app.Client();

    private static MultipartFormDataContent Upload(byte[] bytes, string fileName)
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "file", fileName);
        return content;
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.True("application/problem+json" == response.Content.Headers.ContentType?.MediaType, $"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {await response.Content.ReadAsStringAsync()}");
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    [Fact]
    public async Task A_csv_upload_gives_a_csv_with_a_row_per_project_and_the_errors_of_bad_rows()
    {
        using var response = await client.PostAsync("/api/v1/batch", Upload(Encoding.UTF8.GetBytes(Projects), "projecten.csv"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("projecten-resultaten.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal("1", Assert.Single(response.Headers.GetValues("Impactkaart-Computed")));
        Assert.Equal("1", Assert.Single(response.Headers.GetValues("Impactkaart-Bad-Rows")));
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("regel;naam;referentieproject;opbrengst per euro;", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("2;Geld Oost;budgetcoaching;1,9;90000;", lines[1], StringComparison.Ordinal);
        Assert.Contains("deelnemers: Aantal deelnemers: 'nul' is geen heel getal", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_xlsx_upload_with_format_xlsx_and_lang_en_gives_an_English_workbook()
    {
        using var input = new MemoryStream();
        input.SaveAs(new[] { new Dictionary<string, object> { ["name"] = "East", ["referenceProject"] = "budgetcoaching", ["participants"] = 80, ["cost"] = 90000 } });

        using var response = await client.PostAsync("/api/v1/batch?format=xlsx&taal=en", Upload(input.ToArray(), "projects.xlsx"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var output = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["Results"], MiniExcel.GetSheetNames(output));
        var row = Assert.Single(output.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>());
        Assert.Equal("East", row["name"]);
        Assert.Equal(1.9, Convert.ToDouble(row["return per euro"], System.Globalization.CultureInfo.InvariantCulture), 2);
    }

    [Fact]
    public async Task Missing_columns_give_400_problem_details_naming_them()
    {
        using var response = await client.PostAsync("/api/v1/batch", Upload(Encoding.UTF8.GetBytes("naam;deelnemers\nA;80\n"), "p.csv"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Contains("Deze kolommen ontbreken: referentieproject, kosten.", problem.GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(["referentieproject", "kosten"], problem.GetProperty("missingColumns").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task No_file_a_wrong_file_type_and_a_wrong_format_give_400_naming_the_field()
    {
        using var noFile = await client.PostAsync("/api/v1/batch", new FormUrlEncodedContent([new("naam", "x")]));
        using var json = await client.PostAsync("/api/v1/batch", Upload("{}"u8.ToArray(), "p.json"));
        using var format = await client.PostAsync("/api/v1/batch?format=pdf", Upload(Encoding.UTF8.GetBytes(Projects), "p.csv"));
        using var notExcel = await client.PostAsync("/api/v1/batch", Upload("geen excel"u8.ToArray(), "p.xlsx"));
        using var draws = await client.PostAsync("/api/v1/batch?draws=5000", Upload(Encoding.UTF8.GetBytes(Projects), "p.csv"));

        Assert.Contains("Stuur een CSV- of Excelbestand", (await ProblemAsync(noFile)).GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("Onbekend bestandstype '.json'", (await ProblemAsync(json)).GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("kies csv of xlsx", (await ProblemAsync(format)).GetProperty("errors").GetProperty("format")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("geen leesbaar Excel-bestand", (await ProblemAsync(notExcel)).GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("hooguit 1000 trekkingen", (await ProblemAsync(draws)).GetProperty("errors").GetProperty("draws")[0].GetString(), StringComparison.Ordinal);
        Assert.All([noFile, json, format, notExcel, draws], r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
    }

    [Fact]
    public async Task A_file_over_20_MB_gives_413_problem_details()
    {
        var big = new byte[21 * 1024 * 1024];

        using var response = await client.PostAsync("/api/v1/batch", Upload(big, "groot.csv"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("20480 kB", (await ProblemAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    /// <summary>An xlsx written by hand as an attacker would: the sheet claims A1:XFD{rows} and has a cell in column XFD on every row.</summary>
    private static byte[] ClaimsEveryColumn(int rows)
    {
        static string Cell(string reference, string value) => $"""<c r="{reference}" t="inlineStr"><is><t>{value}</t></is></c>""";
        var sheet = new StringBuilder($"""<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:XFD{rows}"/><sheetData>""");
        sheet.Append("""<row r="1">""").Append(Cell("A1", "naam")).Append(Cell("B1", "referentieproject")).Append(Cell("C1", "deelnemers")).Append(Cell("D1", "kosten")).Append(Cell("XFD1", "x")).Append("</row>");
        for (var r = 2; r <= rows; r++)
        {
            sheet.Append(System.Globalization.CultureInfo.InvariantCulture, $"""<row r="{r}">{Cell($"A{r}", "P" + r)}{Cell($"B{r}", "budgetcoaching")}<c r="C{r}"><v>80</v></c><c r="D{r}"><v>90000</v></c>{Cell($"XFD{r}", "x")}</row>""");
        }
        sheet.Append("</sheetData></worksheet>");
        return Workbook(sheet.ToString());
    }

    private static byte[] Workbook(string sheet, string? sharedStrings = null)
    {
        using var bytes = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(bytes, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            void Part(string path, string xml)
            {
                using var writer = new StreamWriter(zip.CreateEntry(path).Open(), new UTF8Encoding(false));
                writer.Write(xml);
            }
            Part("xl/workbook.xml", """<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Part("xl/_rels/workbook.xml.rels", """<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>""");
            Part("xl/worksheets/sheet1.xml", sheet);
            if (sharedStrings is not null)
            {
                Part("xl/sharedStrings.xml", $"""<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{sharedStrings}</sst>""");
            }
        }
        return bytes.ToArray();
    }

    [Fact]
    public async Task An_xlsx_claiming_A1_to_XFD1000_is_answered_with_its_999_rows_computed()
    {
        // It held a server's CPU for more than 7 minutes; the reader now reads only columns A-D of each row
        // (counted in BatchLimitsTests in the Reports tests).
        using var response = await client.PostAsync("/api/v1/batch", Upload(ClaimsEveryColumn(1000), "aanval.xlsx"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("999", Assert.Single(response.Headers.GetValues("Impactkaart-Computed")));
        Assert.Equal("0", Assert.Single(response.Headers.GetValues("Impactkaart-Bad-Rows")));
    }

    [Fact]
    public async Task A_small_xlsx_whose_answer_would_grow_beyond_64_MB_gives_413_problem_details_naming_the_answer_limit()
    {
        // One shared string of 9,000 characters used as 'deelnemers' and 'kosten' in 5,000 rows: each bad row repeats
        // it in both its errors, so the answer would be about 90 MB from an upload of a few hundred kB. Two per row
        // (not one in twice the rows) so that the answer limit comes long before the time budget, also on a busy machine.
        var sheet = new StringBuilder("""<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
        sheet.Append("""<row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" t="s"><v>2</v></c><c r="C1" t="s"><v>3</v></c><c r="D1" t="s"><v>4</v></c></row>""");
        for (var r = 2; r <= 5_001; r++)
        {
            sheet.Append(System.Globalization.CultureInfo.InvariantCulture, $"""<row r="{r}"><c r="B{r}" t="s"><v>5</v></c><c r="C{r}" t="s"><v>0</v></c><c r="D{r}" t="s"><v>0</v></c></row>""");
        }
        sheet.Append("</sheetData></worksheet>");
        var strings = $"<si><t>{new string('9', 9_000)}x</t></si><si><t>naam</t></si><si><t>referentieproject</t></si><si><t>deelnemers</t></si><si><t>kosten</t></si><si><t>budgetcoaching</t></si>";

        using var response = await client.PostAsync("/api/v1/batch", Upload(Workbook(sheet.ToString(), strings), "groei.xlsx"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Equal("maxAnswerBytes", problem.GetProperty("limit").GetString());
        Assert.Contains("64 MB", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cell_of_20000_characters_gives_413_problem_details_naming_the_cell_limit()
    {
        var csv = "naam;referentieproject;deelnemers;kosten\nGoed;budgetcoaching;80;90000\n" + new string('x', 20_000) + ";budgetcoaching;80;90000\n";

        using var response = await client.PostAsync("/api/v1/batch?taal=en", Upload(Encoding.UTF8.GetBytes(csv), "p.csv"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Equal("maxCellCharacters", problem.GetProperty("limit").GetString());
        Assert.Equal(10_000, problem.GetProperty("limitValue").GetInt32());
        Assert.Contains("at most 10000 characters per cell", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_2_MB_line_and_100001_rows_give_413_problem_details_naming_their_limits()
    {
        var longHeader = new string(';', 2 * 1024 * 1024) + "\n";
        var rows = new StringBuilder("naam;referentieproject;deelnemers;kosten\n");
        for (var i = 0; i <= 100_000; i++)
        {
            rows.Append(";;;\n");
        }

        using var line = await client.PostAsync("/api/v1/batch", Upload(Encoding.UTF8.GetBytes(longHeader), "p.csv"));
        using var many = await client.PostAsync("/api/v1/batch", Upload(Encoding.UTF8.GetBytes(rows.ToString()), "p.csv"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, line.StatusCode);
        Assert.Equal("maxLineCharacters", (await ProblemAsync(line)).GetProperty("limit").GetString());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, many.StatusCode);
        var problem = await ProblemAsync(many);
        Assert.Equal("maxRows", problem.GetProperty("limit").GetString());
        Assert.Contains("meer dan 100000 rijen", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--grens\r\nContent-Disposition: form-data; name=\"file\"; filename=\"p.csv\"\r\n\r\nnaam;referentieproject\nA;b")]
    [InlineData("--grens\r\nContent-Disposition: form-data; name=\"file\"; filename=\"p.csv\"\r\n")]
    [InlineData("--grens\r\nContent-Disposition: form-data; name=\"file\"; filena")]
    [InlineData("--grens\r\nzomaar wat\r\n\r\nx\r\n--grens--\r\n")]
    [InlineData("--grens\r\nContent-Disposition: form-data; name=\"file\"; filename=\"p.csv\"\r\nContent-Type: \u0001\r\n\r\nx\r\n--grens--\r\n")]
    [InlineData("\u0000\u0001\u0002 geen formulier")]
    [InlineData("")]
    public async Task Garbage_or_a_truncated_multipart_body_gives_400_problem_details(string body)
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=grens");

        using var response = await client.PostAsync("/api/v1/batch", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ProblemAsync(response)).TryGetProperty("errors", out _));
    }

    [Theory]
    [InlineData("multipart/form-data")]
    [InlineData("multipart/form-data; boundary=")]
    [InlineData("multipart/form-data; boundary=\"")]
    [InlineData("multipart/form-data; boundary=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public async Task A_multipart_content_type_without_a_usable_boundary_gives_400_problem_details(string contentType)
    {
        using var content = new ByteArrayContent("--x\r\n\r\n--x--\r\n"u8.ToArray());
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        using var response = await client.PostAsync("/api/v1/batch", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await ProblemAsync(response);
    }
}
