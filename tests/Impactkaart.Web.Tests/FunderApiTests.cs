using System.Net;
using System.Text.Json;
using Impactkaart.Web.Data;
using Impactkaart.Web.Features.Funding;
using Impactkaart.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Impactkaart.Web.Tests;

/// <summary>
/// The funder's endpoints of /api/v1 with the API key of the funder's organisation, on SQLite and PostgreSQL: the
/// portfolio with the same totals as the funder's portfolio, filtered by the query; one connected project's map; its
/// result agreements; and what a key of an organisation that funds nothing, or another funder's id, gets.
/// </summary>
public abstract class FunderApiTests(WebApp app)
{
    [Fact]
    public async Task A_funders_key_reads_the_portfolio_with_the_portfolios_totals_per_payer_and_sector_and_its_range()
    {
        var setup = await FunderReadingSupport.FunderWithTwoProjectsAsync(app, "Gemeente Apistad", "Welzijn Apistad");
        var rows = await app.FunderRowsAsync(setup.Funder);
        var expected = FunderTotals.Of(rows);

        using var response = await setup.FunderApi.GetAsync("/api/v1/funder/portfolio");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var portfolio = await ApiProjectsTests.JsonAsync(response);
        var totals = portfolio.GetProperty("totals");
        Assert.Equal(2, totals.GetProperty("projects").GetInt32());
        Assert.Equal(1, totals.GetProperty("providers").GetInt32());
        Assert.Equal(127_000m, totals.GetProperty("invested").GetDecimal());
        Assert.Equal(expected.BenefitsCents / 100m, totals.GetProperty("benefits").GetDecimal());
        Assert.Equal(expected.WelfareBenefitsCents / 100m, totals.GetProperty("welfareBenefits").GetDecimal());
        Assert.Equal(expected.HoursSaved, totals.GetProperty("hoursSaved").GetDouble(), 6);
        var payers = totals.GetProperty("byPayer");
        Assert.Equal("gemeente", payers[0].GetProperty("payer").GetString());
        Assert.Equal("Gemeente", payers[0].GetProperty("label").GetString());
        Assert.Equal(expected.ByPayer.Count, payers.GetArrayLength());
        var nursing = totals.GetProperty("bySector").EnumerateArray().Single(s => s.GetProperty("sector").GetString() == "verpleging-verzorging");
        Assert.InRange(nursing.GetProperty("hours").GetDouble(), 850, 950);
        var headline = portfolio.GetProperty("uncertainty").GetProperty("headline");
        Assert.True(headline.GetProperty("p10").GetDecimal() < headline.GetProperty("p50").GetDecimal());
        Assert.True(headline.GetProperty("p50").GetDecimal() < headline.GetProperty("p90").GetDecimal());
        Assert.InRange(headline.GetProperty("probabilityPositive").GetDecimal(), 0m, 1m);
        var projects = portfolio.GetProperty("projects");
        Assert.Equal(2, projects.GetArrayLength());
        var coaching = projects.EnumerateArray().Single(p => p.GetProperty("fundingId").GetGuid() == setup.Coaching.Id);
        Assert.Equal("Welzijn Apistad", coaching.GetProperty("provider").GetString());
        Assert.Equal(["Noord", "Oost"], coaching.GetProperty("neighbourhoods").EnumerateArray().Select(n => n.GetString()));
        Assert.Equal(80, coaching.GetProperty("participants").GetInt32());
        // The read is in the logs of both the funder and the provider.
        Assert.Contains(await app.AuditAsync(setup.Funder.OrganisationId), e => e.Action == FundingCodes.Viewed && e.Subject.Contains("API", StringComparison.Ordinal));
        Assert.Contains(await app.AuditAsync(setup.Provider.OrganisationId), e => e.Action == FundingCodes.Viewed && e.Subject.Contains("Gemeente Apistad", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_query_narrows_the_portfolio_and_a_value_that_names_nothing_gets_problem_details_naming_the_field()
    {
        var setup = await FunderReadingSupport.FunderWithTwoProjectsAsync(app, "Gemeente Filterdam", "Welzijn Filterdam");

        using var scheme = await setup.FunderApi.GetAsync("/api/v1/funder/portfolio?scheme=welzijn%202026&neighbourhood=oost");
        var narrowed = await ApiProjectsTests.JsonAsync(scheme);
        Assert.Equal(1, narrowed.GetProperty("totals").GetProperty("projects").GetInt32());
        Assert.Equal(90_000m, narrowed.GetProperty("totals").GetProperty("invested").GetDecimal());
        Assert.Equal(setup.Coaching.Id, narrowed.GetProperty("projects")[0].GetProperty("fundingId").GetGuid());

        using var none = await setup.FunderApi.GetAsync("/api/v1/funder/portfolio?phase=evaluatie");
        var empty = await ApiProjectsTests.JsonAsync(none);
        Assert.Equal(0, empty.GetProperty("totals").GetProperty("projects").GetInt32());
        Assert.Equal(JsonValueKind.Null, empty.GetProperty("uncertainty").ValueKind);

        using var wrong = await setup.FunderApi.GetAsync("/api/v1/funder/portfolio?year=twintig&phase=klaar&theme=zorg&provider=iemand&taal=en");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal("application/problem+json", wrong.Content.Headers.ContentType?.MediaType);
        var errors = (await ApiProjectsTests.JsonAsync(wrong)).GetProperty("errors");
        Assert.Contains("Start year", errors.GetProperty("year")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("plan or evaluation", errors.GetProperty("phase")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("schuldproblematiek", errors.GetProperty("theme")[0].GetString(), StringComparison.Ordinal);
        Assert.True(errors.TryGetProperty("provider", out _), errors.ToString());
    }

    [Fact]
    public async Task A_funders_key_reads_a_connected_projects_current_map_and_its_agreements()
    {
        var setup = await FunderReadingSupport.FunderWithTwoProjectsAsync(app, "Gemeente Kaartstad", "Welzijn Kaartstad");
        await FunderReadingSupport.AgreementAsync(app, setup.Coaching, setup.Funder, "Huishoudens met een betalingsregeling", 40, 32, "Acht gezinnen wachten nog op de bank.");
        var row = (await app.FunderRowsAsync(setup.Funder)).Single(r => r.FundingId == setup.Coaching.Id);

        using var project = await setup.FunderApi.GetAsync($"/api/v1/funder/projects/{setup.Coaching.Id}");

        Assert.Equal(HttpStatusCode.OK, project.StatusCode);
        var read = await ApiProjectsTests.JsonAsync(project);
        var connection = read.GetProperty("connection");
        Assert.Equal("Welzijn Kaartstad", connection.GetProperty("provider").GetString());
        Assert.Equal("Welzijn 2026", connection.GetProperty("scheme").GetString());
        Assert.Equal(setup.Coaching.ProjectId, connection.GetProperty("projectId").GetGuid());
        var map = read.GetProperty("map");
        Assert.Equal("budgetcoaching", map.GetProperty("referenceProject").GetString());
        Assert.Equal(80, map.GetProperty("participants").GetInt32());
        Assert.Equal(90_000m, map.GetProperty("costs").GetDecimal());
        Assert.Equal(row.BenefitsCents / 100m, Math.Round(map.GetProperty("benefits").GetDecimal(), 2));

        using var agreements = await setup.FunderApi.GetAsync($"/api/v1/funder/projects/{setup.Coaching.Id}/agreements");
        Assert.Equal(HttpStatusCode.OK, agreements.StatusCode);
        var agreement = Assert.Single((await ApiProjectsTests.JsonAsync(agreements)).EnumerateArray());
        Assert.Equal("count", agreement.GetProperty("kind").GetString());
        Assert.Equal("Huishoudens met een betalingsregeling", agreement.GetProperty("label").GetString());
        Assert.Equal(40, agreement.GetProperty("target").GetDouble());
        Assert.Equal("2026-12-31", agreement.GetProperty("due").GetString());
        Assert.True(agreement.GetProperty("accepted").GetBoolean());
        Assert.Equal(32, agreement.GetProperty("realisedCount").GetDouble());
        Assert.Equal("Acht gezinnen wachten nog op de bank.", agreement.GetProperty("realisedNote").GetString());

        using var visits = await setup.FunderApi.GetAsync($"/api/v1/funder/projects/{setup.Visits.Id}/agreements");
        Assert.Empty((await ApiProjectsTests.JsonAsync(visits)).EnumerateArray());
    }

    [Fact]
    public async Task A_key_of_an_organisation_that_funds_nothing_gets_403_problem_details_in_its_language()
    {
        var setup = await FunderReadingSupport.FunderWithTwoProjectsAsync(app, "Gemeente Sleutelstad", "Welzijn Sleutelstad");
        var (providerSite, _) = await FunderReadingSupport.SignedInAsync(app, "Welzijn Zonder Financier", funder: false);
        using var provider = FunderReadingSupport.ApiClient(app, await ApiKeyAdminTests.CreateKeyAsync(providerSite, "Eigen koppeling", ApiKey.ReadWrite));

        foreach (var path in new[] { "/api/v1/funder/portfolio", $"/api/v1/funder/projects/{setup.Coaching.Id}", $"/api/v1/funder/projects/{setup.Coaching.Id}/agreements" })
        {
            using var dutch = await provider.GetAsync(path);
            Assert.Equal(HttpStatusCode.Forbidden, dutch.StatusCode);
            Assert.Equal("application/problem+json", dutch.Content.Headers.ContentType?.MediaType);
            var problem = await ApiProjectsTests.JsonAsync(dutch);
            Assert.Equal("Uw organisatie is geen financier", problem.GetProperty("title").GetString());
            Assert.DoesNotContain("Budgetcoaching", problem.ToString(), StringComparison.Ordinal);
        }
        using var english = new HttpRequestMessage(HttpMethod.Get, "/api/v1/funder/portfolio");
        english.Headers.AcceptLanguage.ParseAdd("en-GB");
        using var answered = await provider.SendAsync(english);
        Assert.Equal("Your organisation is not a funder", (await ApiProjectsTests.JsonAsync(answered)).GetProperty("title").GetString());

        using var anonymous = await app.Client().GetAsync("/api/v1/funder/portfolio");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task Another_funders_connection_is_not_found_and_its_project_never_shows()
    {
        var mine = await FunderReadingSupport.FunderWithTwoProjectsAsync(app, "Gemeente Eigenstad", "Welzijn Eigenstad");
        var theirs = await FunderReadingSupport.FunderWithTwoProjectsAsync(app, "Gemeente Anderstad", "Welzijn Anderstad");

        foreach (var path in new[] { $"/api/v1/funder/projects/{theirs.Coaching.Id}", $"/api/v1/funder/projects/{theirs.Coaching.Id}/agreements" })
        {
            using var response = await mine.FunderApi.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("Verbinding niet gevonden", (await ApiProjectsTests.JsonAsync(response)).GetProperty("title").GetString());
        }
        using var portfolio = await mine.FunderApi.GetAsync($"/api/v1/funder/portfolio?provider={theirs.Provider.OrganisationId}");
        Assert.Equal(0, (await ApiProjectsTests.JsonAsync(portfolio)).GetProperty("totals").GetProperty("projects").GetInt32());
        using var all = await mine.FunderApi.GetAsync("/api/v1/funder/portfolio");
        Assert.DoesNotContain("Anderstad", await all.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

public sealed class SqliteFunderApiTests(WebApp app) : FunderApiTests(app), IClassFixture<WebApp>;

[Trait(Needs.Trait, Needs.Postgres)]
public sealed class PostgresFunderApiTests(PostgresWebApp app) : FunderApiTests(app), IClassFixture<PostgresWebApp>;
