using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;

namespace Impactkaart.Web.Tests;

/// <summary>
/// The project endpoints of /api/v1 with an organisation's API key, on SQLite and PostgreSQL: list, read, create,
/// save a version with the revision, the map files; and each way a call can go wrong, answered with problem details.
/// </summary>
public abstract class ApiProjectsTests(WebApp app)
{
    public const string Plan = """{ "referenceProject": "budgetcoaching", "name": "Geld op orde", "participants": 80, "cost": 90000 }""";

    /// <summary>A client of a new organisation with a key of the given scope (made on the admin page), sent as a Bearer token.</summary>
    public static async Task<(HttpClient Admin, HttpClient Api, string Key)> OrganisationWithKeyAsync(WebApp app, string organisation, string scope)
    {
        ArgumentNullException.ThrowIfNull(app);
        var admin = await app.RegisterAsync(organisation, $"beheer-{Guid.NewGuid():N}@api.nl");
        var key = await ApiKeyAdminTests.CreateKeyAsync(admin, "Koppeling", scope);
        var api = app.Client();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return (admin, api, key);
    }

    public static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    [Fact]
    public async Task A_read_write_key_creates_lists_reads_and_saves_a_new_version_of_a_project()
    {
        var (admin, api, _) = await OrganisationWithKeyAsync(app, "Stichting API", "read-write");

        using var created = await api.PostAsync("/api/v1/projects", Body(Plan));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var project = await JsonAsync(created);
        var id = project.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/projects/{id}", created.Headers.Location!.ToString());
        Assert.Equal("Geld op orde", project.GetProperty("name").GetString());
        Assert.Equal(1, project.GetProperty("revision").GetInt32());
        Assert.Equal(90000m, project.GetProperty("figures").GetProperty("invested").GetDecimal());
        // The same project on the organisation's own pages, saved in the key's name.
        var page = await admin.TextAsync($"/projecten/{id}");
        Assert.Contains("Geld op orde", page, StringComparison.Ordinal);
        Assert.Contains("API-sleutel Koppeling", page, StringComparison.Ordinal);

        using var list = await api.GetAsync("/api/v1/projects?page=1&pageSize=10");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var listed = await JsonAsync(list);
        Assert.Equal(1, listed.GetProperty("total").GetInt32());
        Assert.Equal(id, listed.GetProperty("items")[0].GetProperty("id").GetGuid());
        Assert.Equal("budgetcoaching", listed.GetProperty("items")[0].GetProperty("referenceProject").GetString());

        using var update = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/projects/{id}")
        {
            Content = Body(Plan.Replace("\"participants\": 80", "\"participants\": 120", StringComparison.Ordinal)),
        };
        update.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));
        using var saved = await api.SendAsync(update);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(2, (await JsonAsync(saved)).GetProperty("revision").GetInt32());

        using var read = await api.GetAsync($"/api/v1/projects/{id}");
        var details = await JsonAsync(read);
        Assert.Equal(2, details.GetProperty("currentVersion").GetInt32());
        Assert.Equal("120", details.GetProperty("input").GetProperty("participants").GetString());
        Assert.Equal(2, details.GetProperty("versions").GetArrayLength());
        Assert.Equal("API-sleutel Koppeling", details.GetProperty("versions")[0].GetProperty("savedBy").GetString());

        // A save on the old revision (in the body this time) is refused, naming who saved.
        using var stale = await api.PutAsync($"/api/v1/projects/{id}", Body(Plan.Replace("{", "{ \"revision\": 1,", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        var conflict = await JsonAsync(stale);
        Assert.Contains("Iemand anders heeft intussen opgeslagen", conflict.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Contains("API-sleutel Koppeling", conflict.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, conflict.GetProperty("currentRevision").GetInt32());

        using var missing = await api.PutAsync($"/api/v1/projects/{id}", Body(Plan));
        Assert.Equal((HttpStatusCode)428, missing.StatusCode);
        Assert.Contains("If-Match", (await JsonAsync(missing)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.NotNull(await app.WithDbAsync((db, _) => db.ApiKeys.Where(k => k.Name == "Koppeling" && k.LastUsedAt != null).Select(k => k.LastUsedAt).FirstOrDefaultAsync()));
    }

    [Fact]
    public async Task Invalid_bodies_get_problem_details_naming_the_fields()
    {
        var (_, api, _) = await OrganisationWithKeyAsync(app, "Stichting Fout", "read-write");

        using var wrong = await api.PostAsync("/api/v1/projects", Body("""{ "referenceProject": "budgetcoaching", "participants": -5, "cost": 90000 }"""));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var errors = (await JsonAsync(wrong)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("participants", out _), errors.ToString());

        using var unknown = await api.PostAsync("/api/v1/projects", Body("""{ "referenceProject": "budgetcoaching", "participants": 80, "cost": 90000, "kleur": "rood" }"""));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("'kleur' is onbekend", (await JsonAsync(unknown)).GetProperty("errors").GetProperty("kleur")[0].GetString(), StringComparison.Ordinal);

        using var broken = await api.PostAsync("/api/v1/projects", Body("""{ "referenceProject": """));
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Contains("geen geldige JSON", (await JsonAsync(broken)).GetProperty("errors").GetProperty("$")[0].GetString(), StringComparison.Ordinal);

        using var form = await api.PostAsync("/api/v1/projects", new FormUrlEncodedContent([new("referenceProject", "budgetcoaching")]));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);
        Assert.Equal("application/problem+json", form.Content.Headers.ContentType?.MediaType);

        using var paging = await api.GetAsync("/api/v1/projects?page=0&pageSize=1000");
        Assert.Equal(HttpStatusCode.BadRequest, paging.StatusCode);
        var pagingErrors = (await JsonAsync(paging)).GetProperty("errors");
        Assert.True(pagingErrors.TryGetProperty("page", out _) && pagingErrors.TryGetProperty("pageSize", out _), pagingErrors.ToString());
        Assert.Equal(0, await app.WithDbAsync((db, _) => db.Projects.CountAsync(p => p.Name == "")));
    }

    [Theory]
    [InlineData(100_000)]
    [InlineData(2_000_000)]
    public async Task A_project_body_over_64_kB_gets_413_problem_details_and_saves_nothing(int size)
    {
        // 2 MB is also past the server's own limit of 1 MB: that too must be our problem details, not an error page.
        var (_, api, _) = await OrganisationWithKeyAsync(app, $"Stichting Groot {size}", "read-write");
        var huge = "{ \"referenceProject\": \"budgetcoaching\", \"participants\": 80, \"cost\": 90000, \"name\": \"" + new string('x', size) + "\" }";

        using var created = await api.PostAsync("/api/v1/projects", Body(huge));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, created.StatusCode);
        Assert.Equal("application/problem+json", created.Content.Headers.ContentType?.MediaType);
        Assert.Contains("64 kB", (await JsonAsync(created)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        using var list = await api.GetAsync("/api/v1/projects");
        Assert.Equal(0, (await JsonAsync(list)).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Missing_wrong_and_revoked_keys_get_401_and_a_read_only_key_may_not_write()
    {
        var (admin, reader, key) = await OrganisationWithKeyAsync(app, "Stichting Lezen", "read");

        using var anonymous = await app.Client().GetAsync("/api/v1/projects");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("Bearer", anonymous.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Contains("Stuur uw API-sleutel mee", (await JsonAsync(anonymous)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        // A signed-in member's cookie is no key: still 401, never the sign-in page.
        using var cookie = await admin.GetAsync("/api/v1/projects");
        Assert.Equal(HttpStatusCode.Unauthorized, cookie.StatusCode);

        using var wrongClient = app.Client();
        wrongClient.DefaultRequestHeaders.Add("X-Api-Key", key + "x");
        using var wrong = await wrongClient.GetAsync("/api/v1/projects");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Contains("bestaat niet", (await JsonAsync(wrong)).GetProperty("detail").GetString(), StringComparison.Ordinal);

        using var viaHeader = app.Client();
        viaHeader.DefaultRequestHeaders.Add("X-Api-Key", key);
        Assert.Equal(HttpStatusCode.OK, (await viaHeader.GetAsync("/api/v1/projects")).StatusCode);

        using var write = await reader.PostAsync("/api/v1/projects", Body(Plan));
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Contains("alleen lezen", (await JsonAsync(write)).GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync((db, _) => db.Projects.CountAsync(p => p.Name == "Geld op orde" && p.OrganisationId == db.ApiKeys.Single(k => k.KeyHash == Impactkaart.Web.Features.Accounts.Tokens.Hash(key)).OrganisationId)));

        await ApiKeyAdminTests.RevokeKeyAsync(app, admin, key);
        using var revoked = await reader.GetAsync("/api/v1/projects");
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
        Assert.Contains("ingetrokken", (await JsonAsync(revoked)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_organisations_project_and_a_deleted_one_are_not_found()
    {
        var (_, apiA, _) = await OrganisationWithKeyAsync(app, "Organisatie A", "read-write");
        var (adminB, apiB, _) = await OrganisationWithKeyAsync(app, "Organisatie B", "read-write");
        using var createdB = await apiB.PostAsync("/api/v1/projects", Body(Plan.Replace("Geld op orde", "Geheim van B", StringComparison.Ordinal)));
        var idB = (await JsonAsync(createdB)).GetProperty("id").GetGuid();

        foreach (var url in new[] { "", "/map.pdf", "/map.xlsx", "/map.json" })
        {
            using var response = await apiA.GetAsync($"/api/v1/projects/{idB}{url}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("Project niet gevonden", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/projects/{idB}") { Content = Body(Plan) };
        put.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));
        Assert.Equal(HttpStatusCode.NotFound, (await apiA.SendAsync(put)).StatusCode);
        Assert.DoesNotContain("Geheim van B", await apiA.GetStringAsync("/api/v1/projects"), StringComparison.Ordinal);

        await WebApp.Post(adminB, $"/projecten/{idB}/verwijderen", $"/projecten/{idB}/verwijderen", []);
        using var deleted = await apiB.GetAsync($"/api/v1/projects/{idB}");
        Assert.Equal(HttpStatusCode.NotFound, deleted.StatusCode);
    }
}

/// <summary>The OpenAPI document describes the project endpoints: their body, the key's problems and the conflict.</summary>
public sealed class ApiProjectsDocumentTests(WebApp app) : IClassFixture<WebApp>
{
    [Fact]
    public async Task The_openapi_document_describes_saving_a_project_with_its_body_and_problems()
    {
        using var response = await app.Client().GetAsync("/api/v1/openapi.json");
        var paths = (await ApiProjectsTests.JsonAsync(response)).GetProperty("paths");

        var put = paths.GetProperty("/api/v1/projects/{id}").GetProperty("put");
        Assert.Equal("Projects", put.GetProperty("tags")[0].GetString());
        Assert.True(put.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").TryGetProperty("schema", out _));
        foreach (var status in new[] { "400", "401", "403", "404", "409", "428" })
        {
            Assert.True(put.GetProperty("responses").GetProperty(status).GetProperty("content").TryGetProperty("application/problem+json", out _), $"PUT: {status} is not problem details");
        }
        Assert.True(paths.GetProperty("/api/v1/projects/{id}/map.pdf").GetProperty("get").GetProperty("responses").GetProperty("200").GetProperty("content").TryGetProperty("application/pdf", out _));
    }
}

public sealed class SqliteApiProjectsTests(WebApp app) : ApiProjectsTests(app), IClassFixture<WebApp>;

[Trait(Needs.Trait, Needs.Postgres)]
public sealed class PostgresApiProjectsTests(PostgresWebApp app) : ApiProjectsTests(app), IClassFixture<PostgresWebApp>;

/// <summary>The current map of a project as files, read back as a user would open them (SQLite: the files do not depend on the store).</summary>
public sealed class ApiProjectMapFileTests(WebApp app) : IClassFixture<WebApp>
{
    [Fact]
    public async Task The_map_of_a_project_downloads_as_pdf_excel_and_json()
    {
        var (admin, writer, _) = await ApiProjectsTests.OrganisationWithKeyAsync(app, "Stichting Kaart", "read-write");
        using var created = await writer.PostAsync("/api/v1/projects", ApiProjectsTests.Body(ApiProjectsTests.Plan));
        var id = (await ApiProjectsTests.JsonAsync(created)).GetProperty("id").GetGuid();
        // Reading the files needs no more than a read-only key.
        using var reader = app.Client();
        reader.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await ApiKeyAdminTests.CreateKeyAsync(admin, "Lezer", "read"));

        using var pdf = await reader.GetAsync($"/api/v1/projects/{id}/map.pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        using (var document = PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync()))
        {
            var text = string.Join(' ', document.GetPages().Select(p => p.Text));
            Assert.Contains("Geld op orde", text, StringComparison.Ordinal);
        }

        using var xlsx = await reader.GetAsync($"/api/v1/projects/{id}/map.xlsx");
        using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var cells = string.Join('\n', MiniExcelLibs.MiniExcel.Query(stream).Select(row => string.Join(';', ((IDictionary<string, object?>)row).Values)));
        Assert.Contains("Geld op orde", cells, StringComparison.Ordinal);

        using var json = await reader.GetAsync($"/api/v1/projects/{id}/map.json");
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        var map = await ApiProjectsTests.JsonAsync(json);
        Assert.Equal(JsonValueKind.Object, map.ValueKind);
        Assert.Contains("budgetcoaching", map.ToString(), StringComparison.Ordinal);
    }
}
