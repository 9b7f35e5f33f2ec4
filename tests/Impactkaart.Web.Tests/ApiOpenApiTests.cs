using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Impactkaart.Web.Tests;

/// <summary>The OpenAPI document matches the app's /api/v1 endpoints, and the browsable reference is served by the app itself.</summary>
public sealed partial class ApiOpenApiTests(WebApp app) : IClassFixture<WebApp>
{
    private readonly HttpClient client = app.Client();

    [Fact]
    public async Task The_openapi_document_lists_exactly_the_apps_api_endpoints_with_their_methods()
    {
        using var document = await DocumentAsync();
        var documented = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                documented.Add($"{operation.Name.ToUpperInvariant()} {path.Name}");
            }
        }

        var endpoints = new HashSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var template = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            // The document itself is served under /api/v1 but does not describe itself.
            if (!template.StartsWith("/api/v1/", StringComparison.Ordinal) || endpoint.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>()?.ExcludeFromDescription == true)
            {
                continue;
            }
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])
            {
                endpoints.Add($"{method} {Constraint().Replace(template, "{$1}")}");
            }
        }

        Assert.Contains("POST /api/v1/compute", endpoints);
        Assert.Contains("GET /api/v1/model", endpoints);
        Assert.Contains("GET /api/v1/ping", endpoints);
        Assert.Equal(endpoints.Order(StringComparer.Ordinal), documented.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Every_operation_has_a_summary_and_a_tag_and_compute_describes_its_body_and_problems()
    {
        using var document = await DocumentAsync();
        var paths = document.RootElement.GetProperty("paths");
        foreach (var path in paths.EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var where = $"{operation.Name} {path.Name}";
                Assert.False(string.IsNullOrWhiteSpace(operation.Value.TryGetProperty("summary", out var s) ? s.GetString() : null), $"{where} has no summary");
                Assert.True(operation.Value.TryGetProperty("tags", out var tags) && tags.GetArrayLength() > 0, $"{where} has no tag");
            }
        }

        var compute = paths.GetProperty("/api/v1/compute").GetProperty("post");
        var body = compute.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        Assert.True(body.GetProperty("properties").TryGetProperty("referenceProject", out _));
        Assert.True(body.GetProperty("properties").GetProperty("costs").GetProperty("properties").TryGetProperty("staff", out _));
        var responses = compute.GetProperty("responses");
        Assert.True(responses.GetProperty("200").GetProperty("content").TryGetProperty("application/json", out _));
        foreach (var status in new[] { "400", "413", "415", "429" })
        {
            Assert.True(responses.GetProperty(status).GetProperty("content").TryGetProperty("application/problem+json", out _), $"compute: {status} is not problem details");
        }
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        Assert.True(schemas.GetProperty("MapDto").GetProperty("properties").TryGetProperty("ratio", out _));
        Assert.True(schemas.GetProperty("ApiModelDocument").GetProperty("properties").TryGetProperty("referenceProjects", out _));
    }

    [Fact]
    public async Task The_api_reference_is_served_by_the_app_with_its_script_allowed_only_by_nonce()
    {
        using var page = await client.GetAsync("/api/docs/");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<title>Impactkaart API</title>", html, StringComparison.Ordinal);
        Assert.Contains("api/v1/openapi.json", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        var policy = page.Headers.GetValues("Content-Security-Policy").Single();
        var nonce = Nonce().Match(policy).Groups[1].Value;
        Assert.NotEmpty(nonce);
        Assert.Contains($"nonce=\"{nonce}\"", html, StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline' 'unsafe-eval", policy, StringComparison.Ordinal);

        var script = ScriptSource().Match(html).Groups[1].Value;
        Assert.False(script.StartsWith("http", StringComparison.Ordinal), $"the script comes from {script}");
        using var scalar = await client.GetAsync(new Uri(new Uri(client.BaseAddress!, "/api/docs/"), script));
        Assert.Equal(HttpStatusCode.OK, scalar.StatusCode);
        Assert.True((await scalar.Content.ReadAsByteArrayAsync()).Length > 100_000);

        // The rest of the site keeps its strict policy.
        using var start = await client.GetAsync("/");
        Assert.Contains("script-src 'self';", start.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_batch_upload_is_described_as_a_required_multipart_file_and_a_file_built_from_that_description_is_computed()
    {
        using var document = await DocumentAsync();
        var batch = document.RootElement.GetProperty("paths").GetProperty("/api/v1/batch").GetProperty("post");

        var body = batch.GetProperty("requestBody");
        Assert.True(body.GetProperty("required").GetBoolean());
        Assert.Equal(["multipart/form-data"], body.GetProperty("content").EnumerateObject().Select(c => c.Name));
        var form = body.GetProperty("content").GetProperty("multipart/form-data");
        var field = Assert.Single(form.GetProperty("schema").GetProperty("required").EnumerateArray()).GetString()!;
        Assert.Equal("file", field);
        var file = form.GetProperty("schema").GetProperty("properties").GetProperty(field);
        Assert.Equal(("string", "binary"), (file.GetProperty("type").GetString(), file.GetProperty("format").GetString()));
        Assert.Contains("20 MB", file.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains("100000", batch.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains("text/csv", form.GetProperty("encoding").GetProperty(field).GetProperty("contentType").GetString(), StringComparison.Ordinal);

        var responses = batch.GetProperty("responses");
        Assert.Equal(["200", "400", "413", "422", "429", "503"], responses.EnumerateObject().Select(r => r.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/csv"],
            responses.GetProperty("200").GetProperty("content").EnumerateObject().Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.Equal("binary", responses.GetProperty("200").GetProperty("content").GetProperty("text/csv").GetProperty("schema").GetProperty("format").GetString());
        Assert.True(responses.GetProperty("200").GetProperty("headers").TryGetProperty("Impactkaart-Bad-Rows", out _));

        // What the document says is enough to use it: the field it names, a file of a type it names.
        using var upload = new MultipartFormDataContent();
        var csv = new ByteArrayContent(Encoding.UTF8.GetBytes("naam;referentieproject;deelnemers;kosten\nOost;budgetcoaching;80;90000\n"));
        csv.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        upload.Add(csv, field, "projecten.csv");
        using var response = await client.PostAsync("/api/v1/batch", upload);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Oost", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_document_describes_the_api_key_as_bearer_or_x_api_key_in_Dutch_then_English()
    {
        using var document = await DocumentAsync();
        var schemes = document.RootElement.GetProperty("components").GetProperty("securitySchemes");

        var bearer = schemes.GetProperty("apiKeyBearer");
        Assert.Equal(("http", "bearer"), (bearer.GetProperty("type").GetString(), bearer.GetProperty("scheme").GetString()));
        var header = schemes.GetProperty("apiKeyHeader");
        Assert.Equal(("apiKey", "header", "X-Api-Key"), (header.GetProperty("type").GetString(), header.GetProperty("in").GetString(), header.GetProperty("name").GetString()));
        foreach (var scheme in new[] { bearer, header })
        {
            var text = scheme.GetProperty("description").GetString()!;
            var (dutch, english) = (text[..text.IndexOf(" / ", StringComparison.Ordinal)], text[text.IndexOf(" / ", StringComparison.Ordinal)..]);
            Assert.Contains("sleutel", dutch, StringComparison.Ordinal);
            Assert.Contains("/organisatie/api-sleutels", dutch, StringComparison.Ordinal);
            Assert.Contains("key", english, StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// Every documented operation is called anonymously, with a read key (as Bearer) and with a read-write key (as
    /// X-Api-Key), with an id nobody has and no body: it asks a key exactly when the document says so, and every
    /// status it gives is one the document lists for it, as problem details where it is an error.
    /// </summary>
    [Fact]
    public async Task Exactly_the_project_operations_require_a_key_and_every_answer_they_give_is_documented()
    {
        using var document = await DocumentAsync();
        var (admin, reader, _) = await ApiProjectsTests.OrganisationWithKeyAsync(app, "Stichting Contract", "read");
        var writer = app.Client();
        writer.DefaultRequestHeaders.Add("X-Api-Key", await ApiKeyAdminTests.CreateKeyAsync(admin, "Schrijver", "read-write"));
        var nobody = Guid.NewGuid().ToString();

        var secured = 0;
        foreach (var (path, method, operation) in Operations(document))
        {
            var where = $"{method} {path}";
            var needsKey = operation.TryGetProperty("security", out var security) && security.GetArrayLength() > 0;
            Assert.Equal(path.StartsWith("/api/v1/projects", StringComparison.Ordinal) || path.StartsWith("/api/v1/funder/", StringComparison.Ordinal), needsKey);
            if (needsKey)
            {
                secured++;
                Assert.Equal(["apiKeyBearer", "apiKeyHeader"], security.EnumerateArray().Select(r => Assert.Single(r.EnumerateObject()).Name).Order(StringComparer.Ordinal));
            }
            var documented = operation.GetProperty("responses");
            var uri = path.Replace("{id}", nobody, StringComparison.Ordinal).Replace("{fundingId}", nobody, StringComparison.Ordinal);
            foreach (var (who, caller) in new[] { ("anonymous", client), ("read key", reader), ("read-write key", writer) })
            {
                using var response = await caller.SendAsync(new HttpRequestMessage(new HttpMethod(method), uri));
                var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
                Assert.True(documented.TryGetProperty(status, out var answer), $"{where} ({who}) answered {status}, which the document does not list");
                Assert.Equal(needsKey && who == "anonymous", response.StatusCode == HttpStatusCode.Unauthorized);
                if ((int)response.StatusCode >= 400)
                {
                    Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                    Assert.True(answer.GetProperty("content").TryGetProperty("application/problem+json", out _), $"{where}: {status} is not documented as problem details");
                }
            }
        }
        Assert.Equal(10, secured);

        // What a key call can be refused for, documented where the endpoint can refuse it.
        var paths = document.RootElement.GetProperty("paths");
        Assert.Equal(["200", "400", "401", "403", "404", "409", "413", "415", "428", "429", "503"],
            paths.GetProperty("/api/v1/projects/{id}").GetProperty("put").GetProperty("responses").EnumerateObject().Select(r => r.Name).Order(StringComparer.Ordinal));
        Assert.True(paths.GetProperty("/api/v1/projects").GetProperty("post").GetProperty("responses").TryGetProperty("403", out _));
        Assert.False(paths.GetProperty("/api/v1/projects").GetProperty("get").GetProperty("responses").TryGetProperty("403", out _), "a read key may list");
    }

    [Fact]
    public async Task The_funder_operations_explain_their_filters_with_examples_and_their_answers()
    {
        using var document = await DocumentAsync();
        var paths = document.RootElement.GetProperty("paths");
        var portfolio = paths.GetProperty("/api/v1/funder/portfolio").GetProperty("get");
        Assert.Contains("never the sum of their P10s", portfolio.GetProperty("description").GetString(), StringComparison.Ordinal);
        var filters = portfolio.GetProperty("parameters").EnumerateArray().Where(p => p.GetProperty("name").GetString() != "taal").ToList();
        Assert.Equal(["neighbourhood", "phase", "provider", "scheme", "theme", "year"], filters.Select(p => p.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
        foreach (var filter in filters)
        {
            Assert.False(string.IsNullOrWhiteSpace(filter.GetProperty("description").GetString()), filter.ToString());
            Assert.False(string.IsNullOrWhiteSpace(filter.GetProperty("example").GetString()), filter.ToString());
        }
        var answers = portfolio.GetProperty("responses");
        Assert.Equal(["200", "400", "401", "403", "429"], answers.EnumerateObject().Select(r => r.Name).Order(StringComparer.Ordinal));
        Assert.Contains("geen financier", answers.GetProperty("403").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(["200", "401", "403", "404", "429"],
            paths.GetProperty("/api/v1/funder/projects/{fundingId}/agreements").GetProperty("get").GetProperty("responses").EnumerateObject().Select(r => r.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_documented_query_parameters_are_the_ones_the_handlers_read_and_their_limits_hold()
    {
        using var document = await DocumentAsync();
        var documented = Operations(document).ToDictionary(o => $"{o.Method} {o.Path}",
            o => o.Operation.TryGetProperty("parameters", out var p) ? p.EnumerateArray().Where(x => x.GetProperty("in").GetString() == "query").ToList() : [],
            StringComparer.Ordinal);

        // The handlers' own signatures, read apart from the document; every call also reads ?taal= (ApiLanguage).
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var template = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            if (!template.StartsWith("/api/v1/", StringComparison.Ordinal) || endpoint.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>()?.ExcludeFromDescription == true)
            {
                continue;
            }
            var handler = endpoint.Metadata.GetMetadata<MethodInfo>()!;
            var route = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var read = handler.GetParameters().Where(p => IsQuery(p, route)).Select(p => p.Name!).Append("taal").Order(StringComparer.Ordinal);
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods)
            {
                var key = $"{method} {Constraint().Replace(template, "{$1}")}";
                Assert.Equal(read, documented[key].Select(p => p.GetProperty("name").GetString()!).Order(StringComparer.Ordinal));
            }
        }

        // Each documented limit is the endpoint's own: one step past it is a 400 naming the parameter, the limit itself is not.
        var (_, api, _) = await ApiProjectsTests.OrganisationWithKeyAsync(app, "Stichting Grenzen", "read");
        var limits = 0;
        foreach (var (operation, parameters) in documented)
        {
            var (method, path) = (operation[..operation.IndexOf(' ', StringComparison.Ordinal)], operation[(operation.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
            var caller = path.StartsWith("/api/v1/projects", StringComparison.Ordinal) ? api : client;
            foreach (var parameter in parameters.Where(p => p.GetProperty("name").GetString() != "taal"))
            {
                var name = parameter.GetProperty("name").GetString()!;
                var schema = parameter.GetProperty("schema");
                var (inside, outside) = (new List<string>(), new List<string>());
                if (schema.TryGetProperty("enum", out var choices))
                {
                    inside.AddRange(choices.EnumerateArray().Select(c => c.GetString()!));
                    outside.Add("geen-keuze");
                }
                foreach (var (bound, step) in new[] { ("minimum", -1), ("maximum", 1) })
                {
                    if (schema.TryGetProperty(bound, out var limit))
                    {
                        inside.Add(limit.GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture));
                        outside.Add((limit.GetInt32() + step).ToString(System.Globalization.CultureInfo.InvariantCulture));
                    }
                }
                foreach (var value in inside.Concat(outside))
                {
                    limits++;
                    // Compute reads its query only with a project file in the body (a missing body is a 415 first).
                    using var request = new HttpRequestMessage(new HttpMethod(method), $"{path}?{name}={value}&taal=en")
                    {
                        Content = path == "/api/v1/compute" ? new StringContent(ApiComputeTests.Project, System.Text.Encoding.UTF8, "application/json") : null,
                    };
                    using var response = await caller.SendAsync(request);
                    var errors = response.StatusCode == HttpStatusCode.BadRequest && (await ProblemAsync(response)).TryGetProperty("errors", out var e) ? e : default;
                    var named = errors.ValueKind == JsonValueKind.Object && errors.TryGetProperty(name, out _);
                    Assert.True(named == outside.Contains(value), $"{operation}?{name}={value}: {(int)response.StatusCode} {(named ? "names" : "does not name")} '{name}'");
                    if (named)
                    {
                        Assert.Equal("The input is not valid", (await ProblemAsync(response)).GetProperty("title").GetString());
                    }
                }
            }
        }
        Assert.True(limits >= 10, $"only {limits} limits were tried");
    }

    /// <summary>A parameter bound from the query: a simple value that is not in the route and not a service.</summary>
    private static bool IsQuery(ParameterInfo parameter, HashSet<string> route)
    {
        var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
        var simple = type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(Guid) || type == typeof(decimal) || type == typeof(DateTime);
        var elsewhere = parameter.GetCustomAttributes().Any(a => a is IFromServiceMetadata or IFromHeaderMetadata or IFromBodyMetadata or IFromRouteMetadata or IFromFormMetadata);
        return simple && !elsewhere && !route.Contains(parameter.Name!);
    }

    private static IEnumerable<(string Path, string Method, JsonElement Operation)> Operations(JsonDocument document) =>
        document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => (path.Name, operation.Name.ToUpperInvariant(), operation.Value)));

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    private async Task<JsonDocument> DocumentAsync()
    {
        using var response = await client.GetAsync("/api/v1/openapi.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex(@"\{([A-Za-z0-9_]+)(?::[^}]*)?\??\}")]
    private static partial Regex Constraint();

    [GeneratedRegex(@"'nonce-([^']+)'")]
    private static partial Regex Nonce();

    [GeneratedRegex("<script[^>]* src=\"([^\"]+)\"")]
    private static partial Regex ScriptSource();
}
