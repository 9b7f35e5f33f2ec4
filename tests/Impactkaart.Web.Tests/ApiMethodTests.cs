using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Impactkaart.Web.Tests;

/// <summary>
/// A known API address called with a method it does not answer gets 405 with <c>Allow</c> and problem details naming
/// both; an unknown address keeps its 404. Nothing in a 405 depends on whose project an id is.
/// </summary>
public sealed class ApiMethodTests(WebApp app) : IClassFixture<WebApp>
{
    private const string NotAllowed = "Deze methode kan niet op dit adres";

    [Theory]
    [InlineData("DELETE", "/api/v1/compute", "POST")]
    [InlineData("GET", "/api/v1/compute", "POST")]
    [InlineData("POST", "/api/v1/model", "GET")]
    [InlineData("PATCH", "/api/v1/projects", "GET, POST")]
    [InlineData("DELETE", "/api/v1/openapi.json", "GET")]
    public async Task A_method_an_address_does_not_answer_gets_405_naming_the_methods_it_does(string method, string address, string allowed)
    {
        using var response = await app.Client().SendAsync(new HttpRequestMessage(new HttpMethod(method), address));

        await ApiComputeTests.AssertProblemAsync(response, HttpStatusCode.MethodNotAllowed, NotAllowed);
        Assert.Equal(allowed, string.Join(", ", response.Content.Headers.Allow));
        var detail = await DetailAsync(response);
        Assert.Contains($"'{method}' kan niet op '{address}'", detail, StringComparison.Ordinal);
        Assert.Contains($"Dit adres kent: {allowed}.", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_project_address_answers_405_alike_for_no_key_an_own_id_and_another_organisations_id()
    {
        var (_, apiA, _) = await ApiProjectsTests.OrganisationWithKeyAsync(app, "Methode A", "read-write");
        var (_, apiB, _) = await ApiProjectsTests.OrganisationWithKeyAsync(app, "Methode B", "read-write");
        using var createdA = await apiA.PostAsync("/api/v1/projects", ApiProjectsTests.Body(ApiProjectsTests.Plan));
        var idA = (await ApiProjectsTests.JsonAsync(createdA)).GetProperty("id").GetGuid();
        using var createdB = await apiB.PostAsync("/api/v1/projects", ApiProjectsTests.Body(ApiProjectsTests.Plan.Replace("Geld op orde", "Geheim van B", StringComparison.Ordinal)));
        var idB = (await ApiProjectsTests.JsonAsync(createdB)).GetProperty("id").GetGuid();

        foreach (var (client, id) in new[] { (app.Client(), idB), (apiA, idA), (apiA, idB), (apiA, Guid.NewGuid()) })
        {
            using var response = await client.DeleteAsync($"/api/v1/projects/{id}");
            await ApiComputeTests.AssertProblemAsync(response, HttpStatusCode.MethodNotAllowed, NotAllowed);
            Assert.Equal("GET, PUT", string.Join(", ", response.Content.Headers.Allow));
            Assert.Equal($"'DELETE' kan niet op '/api/v1/projects/{id}'. Dit adres kent: GET, PUT.", await DetailAsync(response));
        }
        using var file = await apiA.PostAsync($"/api/v1/projects/{idB}/map.pdf", ApiProjectsTests.Body("{}"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, file.StatusCode);
        Assert.Equal("GET", string.Join(", ", file.Content.Headers.Allow));
        // Nothing was deleted: each organisation still reads its own project.
        Assert.Equal(2, await app.WithDbAsync((db, _) => db.Projects.CountAsync(p => (p.Id == idA || p.Id == idB) && p.DeletedAt == null)));
    }

    [Fact]
    public async Task Accept_language_en_gives_the_405_in_english()
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/v1/compute");
        request.Headers.AcceptLanguage.ParseAdd("en");

        using var response = await app.Client().SendAsync(request);

        await ApiComputeTests.AssertProblemAsync(response, HttpStatusCode.MethodNotAllowed, "This method is not allowed at this address");
        Assert.Equal("'PUT' is not allowed on '/api/v1/compute'. This address allows: POST.", await DetailAsync(response));
    }

    [Theory]
    [InlineData("DELETE", "/api/v1/nergens")]
    [InlineData("DELETE", "/api/v1/projects/geen-id")]
    [InlineData("PUT", "/api/v2/compute")]
    [InlineData("POST", "/api/v1/projects/00000000-0000-0000-0000-000000000001/map.docx")]
    public async Task An_unknown_address_stays_404_whatever_the_method(string method, string address)
    {
        using var response = await app.Client().SendAsync(new HttpRequestMessage(new HttpMethod(method), address));

        await ApiComputeTests.AssertProblemAsync(response, HttpStatusCode.NotFound, "Dit adres bestaat niet in de API");
        Assert.Empty(response.Content.Headers.Allow);
    }

    /// <summary>The API's GET endpoints do not take HEAD (as routing would say without the fallback); Kestrel leaves out the body of any HEAD answer.</summary>
    [Fact]
    public async Task Head_on_a_get_address_gets_405_with_get_allowed()
    {
        using var response = await app.Client().SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/v1/ping"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("GET", string.Join(", ", response.Content.Headers.Allow));
    }

    private static async Task<string> DetailAsync(HttpResponseMessage response) =>
        (await ApiProjectsTests.JsonAsync(response)).GetProperty("detail").GetString()!;
}
