using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using static Impactkaart.Web.Tests.ApiProjectsTests;

namespace Impactkaart.Web.Tests;

/// <summary>
/// Odd input answers below 500, and every API error is problem details: numbers out of range, page numbers that
/// overflow, characters that cannot be printed, and failures no endpoint expected.
/// </summary>
public sealed class OddInputTests(WebApp app) : IClassFixture<WebApp>
{
    private const string ProblemJson = "application/problem+json";

    [Theory]
    [InlineData("1e30")]
    [InlineData("1e400")]
    [InlineData("1.5")]
    [InlineData("-1")]
    [InlineData("\"1\"")]
    [InlineData("2147483648")]
    public async Task A_revision_that_is_no_whole_number_in_range_gets_problem_details_naming_the_field(string revision)
    {
        var (_, api, _) = await OrganisationWithKeyAsync(app, "Stichting Revisie " + Guid.NewGuid().ToString("N")[..6], "read-write");
        using var created = await api.PostAsync("/api/v1/projects", Body(Plan));
        var id = (await JsonAsync(created)).GetProperty("id").GetGuid();

        using var saved = await api.PutAsync($"/api/v1/projects/{id}", Body(Plan.Replace("{", "{ \"revision\": " + revision + ",", StringComparison.Ordinal)));

        Assert.Equal(HttpStatusCode.BadRequest, saved.StatusCode);
        Assert.Equal(ProblemJson, saved.Content.Headers.ContentType?.MediaType);
        var problem = await JsonAsync(saved);
        Assert.Equal("De revisie is een heel getal vanaf 1.", problem.GetProperty("errors").GetProperty("revision")[0].GetString());
    }

    [Fact]
    public async Task Page_numbers_past_the_end_are_empty_and_out_of_range_ones_are_named()
    {
        var (_, api, _) = await OrganisationWithKeyAsync(app, "Stichting Pagina", "read");

        using var last = await api.GetAsync("/api/v1/projects?page=2147483647&pageSize=200");
        Assert.Equal(HttpStatusCode.OK, last.StatusCode);
        var page = await JsonAsync(last);
        Assert.Equal(2147483647, page.GetProperty("page").GetInt32());
        Assert.Equal(0, page.GetProperty("items").GetArrayLength());

        foreach (var (query, field) in new[] { ("page=-1", "page"), ("page=0", "page"), ("pageSize=1000000", "pageSize"), ("pageSize=-5", "pageSize") })
        {
            using var refused = await api.GetAsync("/api/v1/projects?" + query);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal(ProblemJson, refused.Content.Headers.ContentType?.MediaType);
            Assert.True((await JsonAsync(refused)).GetProperty("errors").TryGetProperty(field, out _), query);
        }

        // Too big for a number at all: the framework cannot bind it, and still the answer is problem details.
        foreach (var query in new[] { "page=99999999999", "pageSize=abc" })
        {
            using var unbound = await api.GetAsync("/api/v1/projects?" + query);
            Assert.Equal(HttpStatusCode.BadRequest, unbound.StatusCode);
            Assert.Equal(ProblemJson, unbound.Content.Headers.ContentType?.MediaType);
            Assert.Equal(400, (await JsonAsync(unbound)).GetProperty("status").GetInt32());
        }
    }

    [Theory]
    [InlineData("svg")]
    [InlineData("png")]
    [InlineData("pdf")]
    [InlineData("xlsx")]
    public async Task A_map_name_with_a_character_that_cannot_be_printed_goes_back_to_the_map_which_names_the_field(string format)
    {
        using var client = app.Client();
        // U+FFFE and U+FFFF (noncharacters), U+FDD0, and a control character, each in the name.
        foreach (var name in new[] { "%EF%BF%BE", "%EF%BF%BF", "Wijk%EF%B7%90", "Wijk%07" })
        {
            var query = "ref=budgetcoaching&deelnemers=80&kosten=90000&naam=" + name;
            using var download = await client.GetAsync($"/kaart/{format}?{query}");
            Assert.Equal(HttpStatusCode.Redirect, download.StatusCode);

            using var map = await client.GetAsync(download.Headers.Location!);
            Assert.True((int)map.StatusCode < 500, $"{name}: {map.StatusCode}");
            Assert.Contains("De naam bevat een teken dat niet kan worden afgedrukt", await map.TextAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_lone_surrogate_in_a_computed_name_is_a_field_message()
    {
        using var client = app.Client();
        using var computed = await client.PostAsync("/api/v1/compute",
            Body("""{ "referenceProject": "budgetcoaching", "name": "Wijk \ud800 Oost", "participants": 80, "cost": 90000 }"""));

        Assert.Equal(HttpStatusCode.BadRequest, computed.StatusCode);
        Assert.True((await JsonAsync(computed)).GetProperty("errors").TryGetProperty("name", out _));
    }

    [Fact]
    public async Task An_unexpected_failure_in_the_api_is_problem_details_without_a_stack_trace()
    {
        using var broken = new WebApp();
        var (_, api, _) = await OrganisationWithKeyAsync(broken, "Stichting Kapot", "read");
        await broken.WithDbAsync(async (db, _) => await db.Database.ExecuteSqlRawAsync("DROP TABLE Projects;"));

        using var failed = await api.GetAsync("/api/v1/projects");

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal(ProblemJson, failed.Content.Headers.ContentType?.MediaType);
        var body = await failed.Content.ReadAsStringAsync();
        Assert.Equal("Er ging iets mis bij de Impactkaart", JsonDocument.Parse(body).RootElement.GetProperty("title").GetString());
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Projects", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DELETE", "/api/v1/compute", 405)]
    [InlineData("GET", "/api/v1/bestaat-niet", 404)]
    public async Task Api_errors_of_routing_are_problem_details(string method, string path, int status)
    {
        using var client = app.Client();
        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_body_of_the_wrong_type_is_415_problem_details()
    {
        using var client = app.Client();
        using var response = await client.PostAsync("/api/v1/compute", new StringContent("<xml/>", System.Text.Encoding.UTF8, "application/xml"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
    }
}
