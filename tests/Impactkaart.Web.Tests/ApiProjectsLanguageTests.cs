using System.Net;
using System.Net.Http.Headers;
using Impactkaart.Engine;

namespace Impactkaart.Web.Tests;

/// <summary>
/// Every error class of the project endpoints answers in Dutch by default and in English with Accept-Language: en,
/// one language at a time (SQLite: the words do not depend on the store).
/// </summary>
public sealed class ApiProjectsLanguageTests(WebApp app) : IClassFixture<WebApp>
{
    /// <summary>One failing call: who sends it, what, and the status, title and a phrase (detail or field message) it answers with.</summary>
    private sealed record Case(string What, HttpClient Client, HttpMethod Method, string Url, string? Json, string? IfMatch,
        HttpStatusCode Status, Text Title, Text Says);

    [Fact]
    public async Task Each_problem_of_the_project_endpoints_is_dutch_by_default_and_english_with_accept_language_en()
    {
        var (admin, writer, _) = await ApiProjectsTests.OrganisationWithKeyAsync(app, "Stichting Taal", "read-write");
        var reader = ReaderOf(await ApiKeyAdminTests.CreateKeyAsync(admin, "Lezer", "read"));
        var revokedKey = await ApiKeyAdminTests.CreateKeyAsync(admin, "Oud", "read");
        await ApiKeyAdminTests.RevokeKeyAsync(app, admin, revokedKey);
        var wrong = ReaderOf(revokedKey[..^4] + "xxxx");
        var (_, other, _) = await ApiProjectsTests.OrganisationWithKeyAsync(app, "Stichting Anders", "read-write");
        var own = await CreateAsync(writer);
        var foreign = await CreateAsync(other);
        // Revision 2 now, so a save on revision 1 is stale.
        using var save = Request(HttpMethod.Put, $"/api/v1/projects/{own}", ApiProjectsTests.Plan, "\"1\"", null);
        Assert.Equal(HttpStatusCode.OK, (await writer.SendAsync(save)).StatusCode);

        var noKey = new Text("Geen geldige API-sleutel", "No valid API key");
        var invalid = new Text("De invoer klopt niet", "The input is not valid");
        var notFound = new Text("Project niet gevonden", "Project not found");
        Case[] cases =
        [
            new("no key", app.Client(), HttpMethod.Get, "/api/v1/projects", null, null, HttpStatusCode.Unauthorized, noKey,
                new("Stuur uw API-sleutel mee", "Send your API key")),
            new("wrong key", wrong, HttpMethod.Get, $"/api/v1/projects/{own}", null, null, HttpStatusCode.Unauthorized, noKey,
                new("Deze API-sleutel bestaat niet", "This API key does not exist")),
            new("revoked key", ReaderOf(revokedKey), HttpMethod.Get, "/api/v1/projects", null, null, HttpStatusCode.Unauthorized, noKey,
                new("Deze API-sleutel is ingetrokken", "This API key has been revoked")),
            new("read-only key creates", reader, HttpMethod.Post, "/api/v1/projects", ApiProjectsTests.Plan, null, HttpStatusCode.Forbidden,
                new("Deze sleutel mag alleen lezen", "This key may only read"), new("'lezen en schrijven'", "'read and write'")),
            new("read-only key saves", reader, HttpMethod.Put, $"/api/v1/projects/{own}", ApiProjectsTests.Plan, "\"2\"", HttpStatusCode.Forbidden,
                new("Deze sleutel mag alleen lezen", "This key may only read"), new("'lezen en schrijven'", "'read and write'")),
            new("invalid field", writer, HttpMethod.Post, "/api/v1/projects", ApiProjectsTests.Plan.Replace("80", "-5", StringComparison.Ordinal), null,
                HttpStatusCode.BadRequest, invalid, new("\"participants\":[\"Aantal deelnemers", "\"participants\":[\"Number of participants")),
            new("invalid page", writer, HttpMethod.Get, "/api/v1/projects?page=0", null, null, HttpStatusCode.BadRequest, invalid,
                new("\"page\":[\"De pagina begint bij 1.\"]", "\"page\":[\"Pages start at 1.\"]")),
            new("invalid If-Match", writer, HttpMethod.Put, $"/api/v1/projects/{own}", ApiProjectsTests.Plan, "\"twee\"", HttpStatusCode.BadRequest, invalid,
                new("\"If-Match\":[\"Geef de revisie als getal", "\"If-Match\":[\"Give the revision as a number")),
            new("stale revision", writer, HttpMethod.Put, $"/api/v1/projects/{own}", ApiProjectsTests.Plan, "\"1\"", HttpStatusCode.Conflict,
                new("Iemand anders heeft intussen opgeslagen", "Someone else saved in between"),
                new("U werkte op revisie 1, maar het project is nu bij revisie 2", "You worked on revision 1, but the project is now at revision 2")),
            new("no If-Match", writer, HttpMethod.Put, $"/api/v1/projects/{own}", ApiProjectsTests.Plan, null, (HttpStatusCode)428,
                new("Revisie ontbreekt", "Revision required"), new("de kopregel If-Match", "the header If-Match")),
            new("foreign project", writer, HttpMethod.Get, $"/api/v1/projects/{foreign}", null, null, HttpStatusCode.NotFound, notFound,
                new($"Uw organisatie heeft geen project met id {foreign}", $"Your organisation has no project with id {foreign}")),
            new("foreign save", writer, HttpMethod.Put, $"/api/v1/projects/{foreign}", ApiProjectsTests.Plan, "\"1\"", HttpStatusCode.NotFound, notFound,
                new("Uw organisatie heeft geen project", "Your organisation has no project")),
            .. new[] { "pdf", "xlsx", "json" }.Select(file => new Case($"foreign map.{file}", writer, HttpMethod.Get, $"/api/v1/projects/{foreign}/map.{file}",
                null, null, HttpStatusCode.NotFound, notFound, new("Uw organisatie heeft geen project", "Your organisation has no project"))),
        ];

        foreach (var c in cases)
        {
            foreach (var language in new[] { Language.Nl, Language.En })
            {
                using var request = Request(c.Method, c.Url, c.Json, c.IfMatch, language == Language.En ? "en" : null);
                using var response = await c.Client.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                var where = $"{c.What} ({language}): {body}";
                Assert.True(c.Status == response.StatusCode, $"{where}: status {(int)response.StatusCode}");
                Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", where);
                Assert.True((await ApiProjectsTests.JsonAsync(response)).GetProperty("title").GetString() == c.Title[language], where);
                Assert.True(body.Contains(c.Says[language], StringComparison.Ordinal), where);
                // One language at a time: the other language's phrase is not there too.
                Assert.False(body.Contains(c.Says[language == Language.En ? Language.Nl : Language.En], StringComparison.Ordinal), where);
            }
        }
    }

    private HttpClient ReaderOf(string key)
    {
        var client = app.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private static async Task<Guid> CreateAsync(HttpClient api)
    {
        using var created = await api.PostAsync("/api/v1/projects", ApiProjectsTests.Body(ApiProjectsTests.Plan));
        return (await ApiProjectsTests.JsonAsync(created)).GetProperty("id").GetGuid();
    }

    private static HttpRequestMessage Request(HttpMethod method, string url, string? json, string? ifMatch, string? acceptLanguage)
    {
        var request = new HttpRequestMessage(method, url) { Content = json is null ? null : ApiProjectsTests.Body(json) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        if (acceptLanguage is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        }
        return request;
    }
}
