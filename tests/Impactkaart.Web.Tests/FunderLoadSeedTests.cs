using System.Net;

namespace Impactkaart.Web.Tests;

/// <summary>
/// The funder's seeding page of the speed measurement (load/funder-portfolio.sh): off in every normal start, and when
/// on it makes the member's organisation a funder with many accepted providers and connected projects.
/// </summary>
public sealed class FunderLoadSeedTests(SeedingWebApp seeding) : IClassFixture<SeedingWebApp>
{
    [Fact]
    public async Task The_seeding_page_connects_projects_of_many_providers_to_the_members_organisation_as_a_funder()
    {
        var client = await seeding.RegisterAsync("Gemeente Proef", "proef@gemeente-proef.nl");

        var response = await WebApp.Post(client, "/financier/proefdata", "/financier/proefdata", [new("aantal", "60"), new("aanbieders", "7")]);
        var portfolio = await client.GetStringAsync("/financier");
        var evaluations = await client.GetStringAsync("/financier?fase=evaluatie&onzekerheid=nee");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("60 projecten gekoppeld.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("60", Html.Text(Html.ByAttribute(portfolio, "data-figure", "projects")));
        Assert.Equal("7", Html.Text(Html.ByAttribute(portfolio, "data-figure", "providers")));
        Assert.Equal("20", Html.Text(Html.ByAttribute(evaluations, "data-figure", "projects"))); // every third project has an evaluation
        Assert.NotNull(Html.ByAttribute(portfolio, "data-spread", "geld"));
    }

    [Fact]
    public async Task A_wrong_number_gets_a_message_and_without_the_setting_the_page_does_not_exist()
    {
        var client = await seeding.RegisterAsync("Gemeente Fout", "fout@gemeente-proef.nl");
        using var normal = new WebApp();
        var plain = await normal.RegisterAsync("Gemeente Gewoon", "gewoon@gemeente-proef.nl");

        var wrong = await WebApp.Post(client, "/financier/proefdata", "/financier/proefdata", [new("aantal", "veel"), new("aanbieders", "0")]);
        var page = await plain.GetAsync("/financier/proefdata");

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var text = Html.Text(await wrong.Content.ReadAsStringAsync());
        Assert.Contains("Vul een aantal projecten in van 1 tot 10000.", text, StringComparison.Ordinal);
        Assert.Contains("Vul een aantal aanbieders in van 1 tot 500.", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
    }
}
