using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Impactkaart.Web.Tests;

/// <summary>
/// The connection pages keep each side to its own: every route and handler tried with another funder's and another
/// provider's ids, a provider posting the funder's decisions, a funder opening the provider's pages, and a funder's
/// member who is not admin deciding; none finds or changes anything, on SQLite and PostgreSQL.
/// </summary>
public abstract class FundingConnectionIsolationTests(WebApp app)
{
    private const string OtherProviderName = "Welzijn Ander Spoor";
    private const string OtherProjectName = "Geheime buurtaanpak";

    [Fact]
    public async Task Each_connection_route_with_another_funders_or_another_providers_ids_finds_nothing_and_changes_nothing()
    {
        // Provider 1 asked funder 1 (waiting); provider 2 works with funder 2 (accepted).
        var provider1 = await app.OrganisationAsync("Welzijn Eigen Spoor", funder: false);
        var provider2 = await app.OrganisationAsync(OtherProviderName, funder: false);
        var funder1 = await app.OrganisationAsync("Gemeente Eigenstad", funder: true);
        var funder2 = await app.OrganisationAsync("Gemeente Anderstad", funder: true);
        var project1 = await app.ProjectAsync(provider1, FundingTestSupport.BudgetCoaching("Eigen budgetcoaching"));
        var project2 = await app.ProjectAsync(provider2, FundingTestSupport.HomeVisits(OtherProjectName));
        var funding1 = await app.ConnectAsync(provider1, project1, funder1, accept: false);
        var funding2 = await app.ConnectAsync(provider2, project2, funder2, "Geheime regeling");
        var relation1 = (await app.RelationAsync(provider1, funder1)).Id;
        var relation2 = (await app.RelationAsync(provider2, funder2)).Id;
        var funder1Member = await app.ColleagueAsync(funder1, "Lid Eigenstad");
        using var asProvider1 = await app.SignedInAsync(provider1);
        using var asFunder1 = await app.SignedInAsync(funder1);
        using var asFunder1Member = await app.SignedInAsync(funder1Member);

        var notFound = new List<(string Who, HttpResponseMessage Response)>
        {
            // Another provider's project and connection, by provider 1.
            ("provider: other project's page", await asProvider1.GetAsync($"/projecten/{project2}/financiers")),
            ("provider: other project's search", await asProvider1.GetAsync($"/projecten/{project2}/financiers?zoek=gemeente")),
            ("provider: connect other project", await FundingConnectionSupport.PostAsync(asProvider1, $"/projecten/{project2}/financiers",
                ("financier", funder1.OrganisationId.ToString()), ("regeling", "Van een ander"))),
            ("provider: disconnect other's connection", await FundingConnectionSupport.PostAsync(asProvider1, $"/projecten/{project1}/financiers?handler=Disconnect",
                ("koppeling", funding2.Id.ToString()))),
            ("provider: disconnect own connection on other's project", await FundingConnectionSupport.PostAsync(asProvider1, $"/projecten/{project2}/financiers?handler=Disconnect",
                ("koppeling", funding1.Id.ToString()))),
            ("provider: end other provider's relation", await FundingConnectionSupport.PostAsync(asProvider1, "/organisatie?handler=EndFunder",
                ("relatie", relation2.ToString()))),
            // A provider posting the funder's decisions, even about its own request.
            ("provider: accept own request", await FundingConnectionSupport.PostAsync(asProvider1, "/financier/aanbieders?handler=Accept", ("relatie", relation1.ToString()))),
            ("provider: accept other's relation", await FundingConnectionSupport.PostAsync(asProvider1, "/financier/aanbieders?handler=Accept", ("relatie", relation2.ToString()))),
            ("provider: end via funder page", await FundingConnectionSupport.PostAsync(asProvider1, "/financier/aanbieders?handler=End", ("relatie", relation1.ToString()))),
            // Another funder's relation, by funder 1's admin.
            ("funder: accept other funder's relation", await FundingConnectionSupport.PostAsync(asFunder1, "/financier/aanbieders?handler=Accept", ("relatie", relation2.ToString()))),
            ("funder: end other funder's relation", await FundingConnectionSupport.PostAsync(asFunder1, "/financier/aanbieders?handler=End", ("relatie", relation2.ToString()))),
            // A funder on the provider's pages.
            ("funder: provider's project page", await asFunder1.GetAsync($"/projecten/{project1}/financiers")),
            ("funder: disconnect provider's connection", await FundingConnectionSupport.PostAsync(asFunder1, $"/projecten/{project1}/financiers?handler=Disconnect",
                ("koppeling", funding1.Id.ToString()))),
            ("funder: end as provider on organisation page", await FundingConnectionSupport.PostAsync(asFunder1, "/organisatie?handler=EndFunder", ("relatie", relation1.ToString()))),
        };
        foreach (var (who, response) in notFound)
        {
            Assert.True(response.StatusCode is HttpStatusCode.NotFound, $"{who} answered {(int)response.StatusCode}");
            Assert.DoesNotContain(OtherProjectName, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // A funder's member who is not admin may read, not decide.
        var memberAccepts = await FundingConnectionSupport.PostAsync(asFunder1Member, "/financier/aanbieders?handler=Accept", ("relatie", relation1.ToString()));
        var memberEnds = await FundingConnectionSupport.PostAsync(asFunder1Member, "/financier/aanbieders?handler=End", ("relatie", relation1.ToString()));
        Assert.Equal(HttpStatusCode.Forbidden, memberAccepts.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, memberEnds.StatusCode);

        // Each side's lists show only its own.
        var funder1Page = await asFunder1.GetStringAsync("/financier/aanbieders");
        Assert.Contains("Welzijn Eigen Spoor", funder1Page, StringComparison.Ordinal);
        Assert.DoesNotContain(OtherProviderName, funder1Page, StringComparison.Ordinal);
        Assert.DoesNotContain(OtherProjectName, funder1Page, StringComparison.Ordinal);
        var provider1Organisation = await asProvider1.GetStringAsync("/organisatie");
        Assert.Contains("Gemeente Eigenstad", provider1Organisation, StringComparison.Ordinal);
        Assert.DoesNotContain("Gemeente Anderstad", provider1Organisation, StringComparison.Ordinal);
        var provider1Search = await asProvider1.GetStringAsync($"/projecten/{project1}/financiers?zoek=welzijn");
        Assert.DoesNotContain(OtherProviderName, provider1Search, StringComparison.Ordinal);

        await app.WithDbAsync(async (db, _) =>
        {
            Assert.Null((await db.FunderRelations.AsNoTracking().SingleAsync(r => r.Id == relation1)).AcceptedAt);
            Assert.NotNull((await db.FunderRelations.AsNoTracking().SingleAsync(r => r.Id == relation2)).AcceptedAt);
            Assert.Equal("Welzijn 2026", (await db.FundedProjects.AsNoTracking().SingleAsync(f => f.Id == funding1.Id)).Scheme);
            Assert.Equal("Geheime regeling", (await db.FundedProjects.AsNoTracking().SingleAsync(f => f.Id == funding2.Id)).Scheme);
            Assert.Equal(1, await db.FundedProjects.CountAsync(f => f.ProjectId == project2));
            return 0;
        });
        Assert.Equal(project2, Assert.Single(await app.FunderRowsAsync(funder2)).ProjectId);
    }
}

public sealed class SqliteFundingConnectionIsolationTests(WebApp app) : FundingConnectionIsolationTests(app), IClassFixture<WebApp>;

[Trait(Needs.Trait, Needs.Postgres)]
public sealed class PostgresFundingConnectionIsolationTests(PostgresWebApp app) : FundingConnectionIsolationTests(app), IClassFixture<PostgresWebApp>;
