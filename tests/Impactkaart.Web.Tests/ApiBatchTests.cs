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
}
