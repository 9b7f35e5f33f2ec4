using System.Net;

namespace Impactkaart.Web.Tests;

/// <summary>The app with the load test's seeding page switched on (LoadTest:SeedProjects), as load/portfolio.sh starts it.</summary>
public sealed class SeedingWebApp : WebApp
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("LoadTest:SeedProjects", "true")];
}

/// <summary>The seeding page of the speed measurement: off in every normal start, and when on it fills the member's own organisation.</summary>
public sealed class PortfolioLoadSeedTests(SeedingWebApp seeding) : IClassFixture<SeedingWebApp>
{
    [Fact]
    public async Task The_seeding_page_fills_the_members_organisation_with_a_spread_of_projects()
    {
        var client = await seeding.RegisterAsync("Welzijn Proef", "proef@seed.nl");

        var response = await WebApp.Post(client, "/projecten/proefdata", "/projecten/proefdata", [new("aantal", "130")]);
        var portfolio = await client.GetStringAsync("/projecten");
        var evaluations = await client.GetStringAsync("/projecten?fase=evaluatie");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("130 projecten toegevoegd.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("130", PortfolioTests.KeyFigure(portfolio, "Projecten"));
        Assert.Equal("44", PortfolioTests.KeyFigure(evaluations, "Projecten")); // every third project has an evaluation
    }

    [Fact]
    public async Task Without_the_setting_the_seeding_page_does_not_exist()
    {
        using var normal = new WebApp();
        var client = await normal.RegisterAsync("Welzijn Gewoon", "gewoon@seed.nl");

        var page = await client.GetAsync("/projecten/proefdata");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("Pagina niet gevonden", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
