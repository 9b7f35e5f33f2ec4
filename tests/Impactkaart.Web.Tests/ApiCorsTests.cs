using System.Net;

namespace Impactkaart.Web.Tests;

/// <summary>
/// Cross-origin use of the API (CORS): the anonymous endpoints answer pages on any site, without cookies; the
/// endpoints with an organisation's key and the site's own pages do not.
/// </summary>
public sealed class ApiCorsTests(WebApp app) : IClassFixture<WebApp>
{
    private const string Origin = "https://formulier.gemeente-voorbeeld.nl";

    private readonly HttpClient client = app.Client();

    [Fact]
    public async Task A_browser_on_another_site_may_post_to_compute_after_asking_first()
    {
        using var preflight = Ask(HttpMethod.Options, "/api/v1/compute");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "content-type,accept-language");

        using var answer = await client.SendAsync(preflight);

        Assert.Equal(HttpStatusCode.NoContent, answer.StatusCode);
        Assert.Equal("*", Header(answer, "Access-Control-Allow-Origin"));
        Assert.Contains("POST", Header(answer, "Access-Control-Allow-Methods"), StringComparison.Ordinal);
        Assert.Contains("content-type", Header(answer, "Access-Control-Allow-Headers"), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("3600", Header(answer, "Access-Control-Max-Age"));

        using var compute = Ask(HttpMethod.Post, "/api/v1/compute?draws=0");
        compute.Content = new StringContent(ApiComputeTests.Project, System.Text.Encoding.UTF8, "application/json");
        using var map = await client.SendAsync(compute);

        Assert.Equal(HttpStatusCode.OK, map.StatusCode);
        Assert.Equal("*", Header(map, "Access-Control-Allow-Origin"));
        Assert.False(map.Headers.Contains("Access-Control-Allow-Credentials"), "no cookies across sites");
    }

    [Theory]
    [InlineData("/api/v1/model")]
    [InlineData("/api/v1/ping")]
    public async Task The_model_and_ping_answer_any_site_and_show_it_the_etag(string address)
    {
        using var response = await client.SendAsync(Ask(HttpMethod.Get, address));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("*", Header(response, "Access-Control-Allow-Origin"));
        Assert.Contains("ETag", Header(response, "Access-Control-Expose-Headers"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_endpoints_with_an_organisations_key_and_the_site_itself_do_not_answer_other_sites()
    {
        var (_, _, key) = await ApiProjectsTests.OrganisationWithKeyAsync(app, "Stichting Eigen Server", "read");
        using var preflight = Ask(HttpMethod.Options, "/api/v1/projects");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        preflight.Headers.Add("Access-Control-Request-Headers", "x-api-key");
        using var listed = Ask(HttpMethod.Get, "/api/v1/projects");
        listed.Headers.Add("X-Api-Key", key);

        using var preflightAnswer = await client.SendAsync(preflight);
        using var listAnswer = await client.SendAsync(listed);
        using var page = await client.SendAsync(Ask(HttpMethod.Get, "/stap-1"));

        Assert.False(preflightAnswer.Headers.Contains("Access-Control-Allow-Origin"), $"preflight {(int)preflightAnswer.StatusCode}");
        Assert.Equal(HttpStatusCode.OK, listAnswer.StatusCode);
        Assert.False(listAnswer.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.False(page.Headers.Contains("Access-Control-Allow-Origin"));
    }

    private static HttpRequestMessage Ask(HttpMethod method, string address)
    {
        var request = new HttpRequestMessage(method, address);
        request.Headers.Add("Origin", Origin);
        return request;
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : "";
}
