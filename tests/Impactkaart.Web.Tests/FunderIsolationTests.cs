using System.Net;
using Impactkaart.Web.Data;
using MiniExcelLibs;

namespace Impactkaart.Web.Tests;

/// <summary>
/// The funder's API and council report hold the isolation, on SQLite and PostgreSQL: every route tried with
/// another funder's and another provider's ids, a provider of two funders shown to each only with its own
/// connections, a provider's key and member on the funder's routes, and a funder on a provider's routes.
/// </summary>
public abstract class FunderIsolationTests(WebApp app)
{
    private const string SecretOfB = "Geheim project van B";
    private const string OnlyForB = "Alleen voor gemeente B";
    private const string AgreementOfB = "Afspraak tussen B en haar aanbieder";

    private static readonly string[] FunderApiPaths = ["/api/v1/funder/portfolio", "/api/v1/funder/projects/{0}", "/api/v1/funder/projects/{0}/agreements"];

    private static readonly string[] ReportPaths = ["/financier/raadsrapportage.pdf", "/financier/raadsrapportage.xlsx"];

    [Fact]
    public async Task Each_funder_route_with_another_funders_or_providers_ids_finds_nothing_of_theirs()
    {
        // Funder A with its provider, who also serves funder B with one project; funder B with a provider of its own.
        var a = await FunderReadingSupport.FunderWithTwoProjectsAsync(app, "Gemeente A", "Welzijn van A en B");
        var (bSite, b) = await FunderReadingSupport.SignedInAsync(app, "Gemeente B", funder: true);
        var sharedProvidersOther = await app.ConnectAsync(a.Provider, await app.ProjectAsync(a.Provider, FundingTestSupport.BudgetCoaching(OnlyForB)), b, "Regeling B");
        var (providerOfBSite, providerOfB) = await FunderReadingSupport.SignedInAsync(app, "Welzijn van B", funder: false);
        var secret = await app.ProjectAsync(providerOfB, FundingTestSupport.HomeVisits(SecretOfB));
        var fundingOfB = await app.ConnectAsync(providerOfB, secret, b, "Regeling B", "Zuid");
        await FunderReadingSupport.AgreementAsync(app, fundingOfB, b, AgreementOfB, 10, 4, "Verhaal van B");
        using var providerOfBApi = FunderReadingSupport.ApiClient(app, await ApiKeyAdminTests.CreateKeyAsync(providerOfBSite, "Sleutel aanbieder B", ApiKey.ReadWrite));
        using var bApi = FunderReadingSupport.ApiClient(app, await ApiKeyAdminTests.CreateKeyAsync(bSite, "Sleutel B", ApiKey.Read));
        var tried = 0;

        // Funder A with B's connections, the shared provider's connection to B, and B's provider as a filter.
        foreach (var foreign in new[] { fundingOfB.Id, sharedProvidersOther.Id, secret })
        {
            foreach (var path in FunderApiPaths.Skip(1))
            {
                using var response = await a.FunderApi.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, path, foreign));
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
                AssertNothingOfB(await ReadableAsync(response), path);
                tried++;
            }
        }
        foreach (var query in new[] { "", $"?provider={providerOfB.OrganisationId}", "?scheme=Regeling%20B" })
        {
            using var portfolio = await a.FunderApi.GetAsync("/api/v1/funder/portfolio" + query);
            Assert.Equal(HttpStatusCode.OK, portfolio.StatusCode);
            AssertNothingOfB(await ReadableAsync(portfolio), query);
            tried++;
        }
        foreach (var path in ReportPaths)
        {
            foreach (var query in new[] { "", $"?aanbieder={providerOfB.OrganisationId}", "?regeling=Regeling%20B", "?taal=en" })
            {
                using var report = await a.FunderSite.GetAsync(path + query);
                Assert.Equal(HttpStatusCode.OK, report.StatusCode);
                var text = await ReadableAsync(report);
                AssertNothingOfB(text, path + query);
                if (query.Length == 0)
                {
                    // The shared provider's project for A is in A's report: the check above is not vacuous.
                    Assert.Contains("Budgetcoaching Noord", text, StringComparison.Ordinal);
                }
                tried++;
            }
        }

        // B's provider (no funder) on every funder route, with its own connection's id: forbidden or not found, never data.
        foreach (var path in FunderApiPaths)
        {
            using var response = await providerOfBApi.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, path, fundingOfB.Id));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.DoesNotContain(AgreementOfB, await ReadableAsync(response), StringComparison.Ordinal);
            tried++;
        }
        foreach (var path in ReportPaths)
        {
            using var response = await providerOfBSite.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            tried++;
        }

        // A funder on a provider's routes: the project it funds is still the provider's, not the funder's.
        foreach (var path in new[] { $"/api/v1/projects/{a.Coaching.ProjectId}", $"/api/v1/projects/{a.Coaching.ProjectId}/map.json", $"/api/v1/projects/{secret}" })
        {
            using var response = await a.FunderApi.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            tried++;
        }
        using (var page = await a.FunderSite.GetAsync($"/projecten/{a.Coaching.ProjectId}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        }

        // And B itself does see its own: the secret is there to be found by the right funder.
        using var own = await bApi.GetAsync($"/api/v1/funder/projects/{fundingOfB.Id}/agreements");
        Assert.Contains(AgreementOfB, await ReadableAsync(own), StringComparison.Ordinal);
        using var ownPortfolio = await bApi.GetAsync("/api/v1/funder/portfolio");
        var ownText = await ReadableAsync(ownPortfolio);
        Assert.Contains(SecretOfB, ownText, StringComparison.Ordinal);
        Assert.Contains(OnlyForB, ownText, StringComparison.Ordinal);
        Assert.DoesNotContain("Huisbezoek 75+ Oost", ownText, StringComparison.Ordinal);
        Assert.Equal(25, tried);
    }

    private static void AssertNothingOfB(string body, string where)
    {
        Assert.False(body.Contains(SecretOfB, StringComparison.Ordinal), $"{where} shows B's project");
        Assert.False(body.Contains(OnlyForB, StringComparison.Ordinal), $"{where} shows the shared provider's project for B");
        Assert.False(body.Contains(AgreementOfB, StringComparison.Ordinal), $"{where} shows B's agreement");
        Assert.False(body.Contains("Welzijn van B", StringComparison.Ordinal), $"{where} names B's provider");
        Assert.False(body.Contains("Regeling B", StringComparison.Ordinal) && !body.Contains("Regeling: Regeling B", StringComparison.Ordinal),
            $"{where} shows B's scheme");
    }

    /// <summary>The body as a reader would read it: a PDF's words, a workbook's cells, else the text.</summary>
    private static async Task<string> ReadableAsync(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        switch (response.Content.Headers.ContentType?.MediaType)
        {
            case "application/pdf":
                return string.Join('\n', CouncilReportTests.PagesOf(bytes));
            case "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet":
                using (var stream = new MemoryStream(bytes))
                {
                    return string.Join('\n', MiniExcel.GetSheetNames(stream).SelectMany(sheet =>
                        MiniExcel.Query(stream, sheetName: sheet).Cast<IDictionary<string, object?>>().Select(row => string.Join(';', row.Values))));
                }
            default:
                return System.Text.Encoding.UTF8.GetString(bytes);
        }
    }
}

public sealed class SqliteFunderIsolationTests(WebApp app) : FunderIsolationTests(app), IClassFixture<WebApp>;

[Trait(Needs.Trait, Needs.Postgres)]
public sealed class PostgresFunderIsolationTests(PostgresWebApp app) : FunderIsolationTests(app), IClassFixture<PostgresWebApp>;
