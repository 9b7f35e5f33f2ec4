using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
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
