using System.Net;
using System.Text.Json;

namespace Impactkaart.Web.Tests;

/// <summary>The API's field messages: choices by name with the id to send, and a name too long says how long it was.</summary>
public sealed class ApiFieldMessageTests(WebApp app) : IClassFixture<WebApp>
{
    [Fact]
    public async Task An_unknown_reference_project_is_a_problem_listing_the_projects_by_name_and_id()
    {
        using var client = app.Client();
        using var response = await client.PostAsync("/api/v1/compute", ApiComputeTests.Json("""{ "referenceProject": "bestaat-niet", "participants": 80, "cost": 9000 }"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = Errors(await response.Content.ReadAsStringAsync(), "referenceProject");
        Assert.StartsWith("Het referentieproject 'bestaat-niet' bestaat niet. Mogelijk zijn: Buurtbemiddeling (buurtbemiddeling), ", message, StringComparison.Ordinal);
        Assert.Contains("Budgetcoaching (budgetcoaching)", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_name_of_2000_characters_is_a_problem_naming_the_field_its_length_and_the_limit()
    {
        using var client = app.Client();
        var body = $$"""{ "referenceProject": "budgetcoaching", "participants": 80, "cost": 9000, "name": "{{new string('x', 2000)}}" }""";
        using var response = await client.PostAsync("/api/v1/compute", ApiComputeTests.Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("De naam is te lang: 2.000 tekens, en er passen er 200.", Errors(await response.Content.ReadAsStringAsync(), "name"));
    }

    private static string Errors(string problem, string field)
    {
        using var json = JsonDocument.Parse(problem);
        return json.RootElement.GetProperty("errors").GetProperty(field)[0].GetString()!;
    }
}
