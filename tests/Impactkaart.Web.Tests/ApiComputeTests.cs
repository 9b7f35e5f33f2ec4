using System.Net;
using System.Text;
using System.Text.Json;
using Impactkaart.Engine;
using Impactkaart.Engine.Calculation;
using Impactkaart.Engine.Contract;
using Impactkaart.Engine.Model;

namespace Impactkaart.Web.Tests;

/// <summary>POST /api/v1/compute, GET /api/v1/model and /ping over HTTP: the map as the engine's JSON, every bad input as problem details naming the field.</summary>
public sealed class ApiComputeTests(WebApp app) : IClassFixture<WebApp>
{
    public const string Project = """
        { "referenceProject": "budgetcoaching", "name": "Budgetcoaching Noord", "participants": 80,
          "costs": { "staff": 60000, "material": 5000, "overhead": 10000 }, "phase": "plan" }
        """;

    private readonly HttpClient client = app.Client();

    [Fact]
    public async Task Compute_answers_the_same_json_as_the_cli_for_the_same_project()
    {
        using var response = await client.PostAsync("/api/v1/compute?draws=200&seed=7", Json(Project));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var model = ModelLoader.LoadEmbedded().Model!;
        var request = ProjectRequestJson.Read(Project).Value!;
        var map = ImpactCalculator.Compute(model, ProjectRequestValidator.Validate(model, request).Value!, new SimulationSettings(200, 7));
        // The same document as the CLI's --format json, without its indentation.
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(
            System.Text.Json.Nodes.JsonNode.Parse(MapContract.Serialize(model, map, Language.Nl)), System.Text.Json.Nodes.JsonNode.Parse(body)));
        Assert.Contains("\"referenceProjectLabel\":\"Budgetcoaching", body, StringComparison.Ordinal);
        Assert.Contains("\"draws\":200", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compute_carries_the_warning_the_evidence_and_both_views_with_their_ranges()
    {
        // Budget coaching at a tenth of its usual cost per participant (80 for 9,000 euro): a warning with a stable code,
        // in English on request; the share of benefits resting on assumptions; each outcome's grade; both views' ranges.
        const string cheap = """{ "referenceProject": "budgetcoaching", "participants": 80, "cost": 9000 }""";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/compute?draws=500") { Content = Json(cheap) };
        request.Headers.AcceptLanguage.ParseAdd("en");
        using var response = await client.SendAsync(request);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;

        var warning = Assert.Single(root.GetProperty("warnings").EnumerateArray());
        Assert.Equal("not-comparable-low", warning.GetProperty("code").GetString());
        Assert.Contains("far below what is usual for Budget coaching", warning.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("not-comparable", root.GetProperty("intensity").GetProperty("comparability").GetString());
        Assert.InRange(root.GetProperty("evidence").GetProperty("assumedShare").GetDecimal(), 0m, 1m);
        Assert.All(root.GetProperty("byOutcome").EnumerateArray(), o =>
            Assert.Contains(o.GetProperty("evidence").GetString(), new[] { "strong", "moderate", "limited", "indicative", "contradicted" }));
        var u = root.GetProperty("uncertainty");
        Assert.True(u.GetProperty("welfareRatioP10").GetDecimal() <= u.GetProperty("welfareRatioP90").GetDecimal());
        Assert.False(string.IsNullOrWhiteSpace(u.GetProperty("explanation").GetString()));
    }

    [Fact]
    public async Task Compute_uses_the_models_default_draws_and_draws_zero_leaves_out_the_uncertainty()
    {
        using var standard = await client.PostAsync("/api/v1/compute", Json(Project));
        using var without = await client.PostAsync("/api/v1/compute?draws=0", Json(Project));

        using var withDraws = JsonDocument.Parse(await standard.Content.ReadAsStringAsync());
        Assert.Equal(ModelLoader.LoadEmbedded().Model!.DefaultDraws, withDraws.RootElement.GetProperty("uncertainty").GetProperty("draws").GetInt32());
        using var noDraws = JsonDocument.Parse(await without.Content.ReadAsStringAsync());
        Assert.Equal(JsonValueKind.Null, noDraws.RootElement.GetProperty("uncertainty").ValueKind);
        Assert.Equal(withDraws.RootElement.GetProperty("ratio").GetDecimal(), noDraws.RootElement.GetProperty("ratio").GetDecimal());
    }

    [Fact]
    public async Task Asking_again_gives_the_same_map_and_each_language_draws_and_seed_its_own()
    {
        // Answers are kept by request (ComputeCache): a repeat must be the same bytes, and a request that differs
        // only in language, draws or seed must never get another request's answer.
        var first = await ComputeAsync("/api/v1/compute?draws=300&seed=1", "nl");
        var again = await ComputeAsync("/api/v1/compute?draws=300&seed=1", "nl");
        var english = await ComputeAsync("/api/v1/compute?draws=300&seed=1", "en");
        var otherSeed = await ComputeAsync("/api/v1/compute?draws=300&seed=2", "nl");
        var otherDraws = await ComputeAsync("/api/v1/compute?draws=400&seed=1", "nl");

        Assert.Equal(first, again);
        Assert.Contains("\"referenceProjectLabel\":\"Budgetcoaching", first, StringComparison.Ordinal);
        Assert.Contains("\"referenceProjectLabel\":\"Budget coaching", english, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\"seed\":2", otherSeed, StringComparison.Ordinal);
        Assert.NotEqual(Uncertainty(first).GetProperty("ratioP10").GetDecimal(), Uncertainty(otherSeed).GetProperty("ratioP10").GetDecimal());
        Assert.Equal(400, Uncertainty(otherDraws).GetProperty("draws").GetInt32());

        async Task<string> ComputeAsync(string address, string language)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, address) { Content = Json(Project) };
            request.Headers.AcceptLanguage.ParseAdd(language);
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            return await response.Content.ReadAsStringAsync();
        }

        static JsonElement Uncertainty(string map) => JsonDocument.Parse(map).RootElement.GetProperty("uncertainty").Clone();
    }

    [Theory]
    [InlineData("{ \"referenceProject\": \"budgetcoaching\", ", "$", "geen geldige JSON: fout op regel 1")]
    [InlineData("{ \"referenceProject\": \"budgetcoaching\", \"participants\": [80], \"cost\": 90000 }", "participants", "moet een getal of een tekst zijn; het is nu een lijst")]
    [InlineData("{ \"referenceProject\": \"budgetcoaching\", \"Participants\": 80, \"cost\": 90000 }", "Participants", "Bedoelt u 'participants'?")]
    [InlineData("{ \"referenceProject\": \"budgetcoaching\", \"participants\": 0, \"cost\": 90000 }", "participants", "Aantal deelnemers")]
    [InlineData("{ \"referenceProject\": \"budgetcoaching\", \"participants\": 80, \"costs\": { \"staff\": \"veel\" } }", "costs.staff", "veel")]
    [InlineData("{ \"referenceProject\": \"budgetcoaching\", \"participants\": 80, \"cost\": 90000, \"answers\": { \"intensiteit\": \"altijd\" } }", "answers.intensiteit", "altijd")]
    [InlineData("{ \"referenceProject\": \"fietsenmaker\", \"participants\": 80, \"cost\": 90000 }", "referenceProject", "fietsenmaker")]
    [InlineData("[1, 2]", "$", "één JSON-object")]
    public async Task Bad_input_gets_problem_details_naming_the_field(string body, string field, string message)
    {
        using var response = await client.PostAsync("/api/v1/compute", Json(body));

        var errors = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "De invoer klopt niet");
        Assert.Contains(message, string.Join(" ", errors[field]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Draws_and_seed_in_the_query_are_checked_like_the_body()
    {
        using var response = await client.PostAsync("/api/v1/compute?draws=100001&seed=-1", Json(Project));

        var errors = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "De invoer klopt niet");
        Assert.Contains("100.000", errors["draws"][0], StringComparison.Ordinal);
        Assert.Contains("'-1'", errors["seed"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accept_language_en_gives_english_messages_and_labels()
    {
        using var bad = new HttpRequestMessage(HttpMethod.Post, "/api/v1/compute") { Content = Json("{ \"referenceProject\": \"budgetcoaching\", \"participants\": 0, \"cost\": 90000 }") };
        bad.Headers.AcceptLanguage.ParseAdd("en-GB,en;q=0.9,nl;q=0.5");
        using var good = new HttpRequestMessage(HttpMethod.Post, "/api/v1/compute?draws=0") { Content = Json(Project) };
        good.Headers.AcceptLanguage.ParseAdd("en");

        using var badResponse = await client.SendAsync(bad);
        using var goodResponse = await client.SendAsync(good);

        var errors = await AssertProblemAsync(badResponse, HttpStatusCode.BadRequest, "The input is not valid");
        Assert.Contains("Number of participants", errors["participants"][0], StringComparison.Ordinal);
        Assert.Contains("\"referenceProjectLabel\":\"Budget coaching", await goodResponse.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_body_over_64_kB_gets_413_problem_details()
    {
        var huge = "{ \"referenceProject\": \"budgetcoaching\", \"participants\": 80, \"cost\": 90000, \"name\": \"" + new string('x', 70_000) + "\" }";

        using var response = await client.PostAsync("/api/v1/compute", Json(huge));

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "De aanvraag is te groot");
    }

    [Fact]
    public async Task A_body_that_is_not_json_gets_415_problem_details()
    {
        using var response = await client.PostAsync("/api/v1/compute", new StringContent("referenceProject=budgetcoaching", Encoding.UTF8, "application/x-www-form-urlencoded"));

        await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "Verkeerd type inhoud");
    }

    [Fact]
    public async Task The_model_names_its_reference_projects_questions_and_options_and_can_be_cached()
    {
        using var response = await client.GetAsync("/api/v1/model");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("public, max-age=3600", response.Headers.CacheControl?.ToString());
        var etag = response.Headers.ETag;
        Assert.NotNull(etag);
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        Assert.Equal("2.0.0", root.GetProperty("version").GetString());
        Assert.True(root.GetProperty("priceYear").GetInt32() > 2000);
        var coaching = root.GetProperty("referenceProjects").EnumerateArray().Single(p => p.GetProperty("id").GetString() == "budgetcoaching");
        Assert.Equal("Budgetcoaching", coaching.GetProperty("label").GetProperty("nl").GetString());
        var question = coaching.GetProperty("questions").EnumerateArray().First();
        Assert.NotEmpty(question.GetProperty("options").EnumerateArray());
        Assert.NotEmpty(coaching.GetProperty("outcomes").EnumerateArray());
        Assert.NotEmpty(root.GetProperty("themes").EnumerateArray());
        Assert.NotEmpty(root.GetProperty("prices").EnumerateArray());
        Assert.NotEmpty(root.GetProperty("professions").EnumerateArray());
        Assert.NotEmpty(root.GetProperty("sources").EnumerateArray());
        Assert.Equal(0.75m, root.GetProperty("intensity").GetProperty("elasticity").GetProperty("central").GetDecimal());
        Assert.Equal(["strong", "moderate", "limited", "indicative", "contradicted"],
            root.GetProperty("evidenceGrades").EnumerateArray().Select(g => g.GetProperty("id").GetString()));
        Assert.All(coaching.GetProperty("outcomes").EnumerateArray(), o =>
            Assert.Contains(o.GetProperty("effectBasis").GetString(), new[] { "measured", "assumption", "calibrated" }));

        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/v1/model");
        again.Headers.IfNoneMatch.Add(etag);
        using var notModified = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Ping_says_the_api_is_up()
    {
        using var response = await client.GetAsync("/api/v1/ping");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("{\"status\":\"ok\"}", await response.Content.ReadAsStringAsync());
    }

    public static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    [Theory]
    [InlineData("/api/v1/nergens")]
    [InlineData("/api/v1/projects/geen-id")]
    [InlineData("/api/v2/compute")]
    public async Task An_address_the_api_does_not_have_gets_404_problem_details_not_a_page(string address)
    {
        using var response = await client.GetAsync(address);

        await AssertProblemAsync(response, HttpStatusCode.NotFound, "Dit adres bestaat niet in de API");
        Assert.Contains("/api/v1/openapi.json", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>Asserts a problem-details answer with its status and title; gives its errors per field (empty when none).</summary>
    public static async Task<Dictionary<string, string[]>> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string title)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(body);
        Assert.Equal(title, json.RootElement.GetProperty("title").GetString());
        Assert.Equal((int)status, json.RootElement.GetProperty("status").GetInt32());
        return json.RootElement.TryGetProperty("errors", out var errors)
            ? errors.EnumerateObject().ToDictionary(e => e.Name, e => e.Value.EnumerateArray().Select(m => m.GetString()!).ToArray())
            : [];
    }
}
