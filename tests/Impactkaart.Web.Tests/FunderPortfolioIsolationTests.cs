using System.Net;
using Impactkaart.Web.Data;
using Impactkaart.Web.Features.Funding;
using Impactkaart.Web.Features.Projects;
using Microsoft.Extensions.DependencyInjection;

namespace Impactkaart.Web.Tests;

/// <summary>
/// The funder's pages (/financier, its exports, a connected project's map) tried with the ids of others: another
/// funder's connection, a provider that is no funder, a funder trying a provider's page, and connections that ended
/// or whose project was deleted. Each is "not found" (or shows nothing of the other), on SQLite and PostgreSQL.
/// </summary>
public abstract class FunderPortfolioIsolationTests(WebApp app)
{
    private const string OnlyForNoord = "Alleen voor Gemeente Noord";
    private const string ForBoth = "Voor beide gemeenten";
    private const string OnlyForZuid = "Alleen voor Gemeente Zuid";

    /// <summary>
    /// Two municipalities; provider Een serves both (one project each, one project connected to both), provider Twee
    /// only Zuid. Returns the connections by funder and project name.
    /// </summary>
    private async Task<World> WorldAsync()
    {
        var noord = await app.OrganisationAsync("Gemeente Noord", funder: true);
        var zuid = await app.OrganisationAsync("Gemeente Zuid", funder: true);
        var een = await app.OrganisationAsync("Welzijn Een", funder: false);
        var twee = await app.OrganisationAsync("Welzijn Twee", funder: false);
        var onlyNoord = await app.ProjectAsync(een, FundingTestSupport.BudgetCoaching(OnlyForNoord));
        var both = await app.ProjectAsync(een, FundingTestSupport.HomeVisits(ForBoth));
        var onlyZuid = await app.ProjectAsync(twee, FundingTestSupport.BudgetCoaching(OnlyForZuid));
        return new World(noord, zuid, een, twee,
            await app.ConnectAsync(een, onlyNoord, noord, "Regeling Noord"),
            await app.ConnectAsync(een, both, noord, "Regeling Noord"),
            await app.ConnectAsync(een, both, zuid, "Regeling Zuid"),
            await app.ConnectAsync(twee, onlyZuid, zuid, "Regeling Zuid"));
    }

    private sealed record World(Member Noord, Member Zuid, Member Een, Member Twee,
        FundedProject NoordOnly, FundedProject NoordBoth, FundedProject ZuidBoth, FundedProject ZuidOnly);

    [Fact]
    public async Task Another_funder_finds_none_of_a_funders_connections_on_any_funder_route()
    {
        var world = await WorldAsync();
        var zuid = await FunderPortfolioTests.SignedInAsync(app, world.Zuid);

        foreach (var other in new[] { world.NoordOnly, world.NoordBoth })
        {
            var response = await zuid.GetAsync($"/financier/projecten/{other.Id}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain(OnlyForNoord, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        // A provider of two municipalities shows each only its own connections, with its own scheme.
        var page = await zuid.GetStringAsync("/financier");
        var csv = await zuid.GetStringAsync("/financier/export.csv");
        using var workbook = new MemoryStream(await zuid.GetByteArrayAsync("/financier/export.xlsx"));
        var cells = string.Join('\n', MiniExcelLibs.MiniExcel.Query(workbook).Select(row => string.Join(';', ((IDictionary<string, object?>)row).Values)));
        foreach (var body in new[] { page, csv, cells })
        {
            Assert.DoesNotContain(OnlyForNoord, body, StringComparison.Ordinal);
            Assert.DoesNotContain("Regeling Noord", body, StringComparison.Ordinal);
            Assert.Contains(ForBoth, body, StringComparison.Ordinal);
            Assert.Contains(OnlyForZuid, body, StringComparison.Ordinal);
        }
        Assert.Contains($"href=\"/financier/projecten/{world.ZuidBoth.Id}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain(world.NoordBoth.Id.ToString(), page, StringComparison.Ordinal);
        // Choosing the other funder's provider-only or a stranger's id as a filter shows nothing of it.
        var filtered = await zuid.GetAsync($"/financier?aanbieder={world.Noord.OrganisationId}");
        Assert.Equal(HttpStatusCode.BadRequest, filtered.StatusCode);
        Assert.DoesNotContain(OnlyForNoord, await filtered.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_provider_cannot_open_its_connections_as_a_funder_and_a_funder_cannot_open_the_providers_own_pages()
    {
        var world = await WorldAsync();
        var een = await FunderPortfolioTests.SignedInAsync(app, world.Een);
        var noord = await FunderPortfolioTests.SignedInAsync(app, world.Noord);

        var asFunder = await een.GetAsync($"/financier/projecten/{world.NoordOnly.Id}");
        var overview = await een.GetStringAsync("/financier");
        var export = await een.GetAsync("/financier/export.csv");
        Assert.Equal(HttpStatusCode.NotFound, asFunder.StatusCode);
        Assert.DoesNotContain(OnlyForNoord, overview, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, export.StatusCode);

        // The funder sees the connected project's current map only at its own address, not the provider's pages.
        foreach (var path in new[] { "", "/opslaan", "/versies/1", "/delen", "/verwijderen" })
        {
            var response = await noord.GetAsync($"/projecten/{world.NoordOnly.ProjectId}{path}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        // Nor does a project's id stand in for a connection's id.
        Assert.Equal(HttpStatusCode.NotFound, (await noord.GetAsync($"/financier/projecten/{world.NoordOnly.ProjectId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await noord.GetAsync($"/financier/projecten/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await noord.GetAsync($"/financier/projecten/{world.NoordOnly.Id}")).StatusCode);
    }

    [Fact]
    public async Task A_disconnected_or_deleted_project_or_an_ended_relation_is_not_found_and_gone_from_the_portfolio_and_exports()
    {
        var world = await WorldAsync();
        var noord = await FunderPortfolioTests.SignedInAsync(app, world.Noord);
        var zuid = await FunderPortfolioTests.SignedInAsync(app, world.Zuid);
        Assert.Equal(HttpStatusCode.OK, (await noord.GetAsync($"/financier/projecten/{world.NoordOnly.Id}")).StatusCode);

        await app.WithServicesAsync(s => s.GetRequiredService<FundingStore>().DisconnectAsync(world.Een, world.NoordOnly.Id));
        Assert.Equal(HttpStatusCode.NotFound, (await noord.GetAsync($"/financier/projecten/{world.NoordOnly.Id}")).StatusCode);
        Assert.DoesNotContain(OnlyForNoord, await noord.GetStringAsync("/financier/export.csv"), StringComparison.Ordinal);

        await app.WithServicesAsync(s => s.GetRequiredService<ProjectStore>().DeleteAsync(world.Twee, world.ZuidOnly.ProjectId));
        Assert.Equal(HttpStatusCode.NotFound, (await zuid.GetAsync($"/financier/projecten/{world.ZuidOnly.Id}")).StatusCode);
        Assert.DoesNotContain(OnlyForZuid, await zuid.GetStringAsync("/financier"), StringComparison.Ordinal);

        var relation = await app.WithDbAsync((db, _) => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.FunderRelations, r => r.ProviderId == world.Een.OrganisationId && r.FunderId == world.Zuid.OrganisationId));
        await app.WithServicesAsync(s => s.GetRequiredService<FundingStore>().EndAsync(world.Een, relation.Id));
        Assert.Equal(HttpStatusCode.NotFound, (await zuid.GetAsync($"/financier/projecten/{world.ZuidBoth.Id}")).StatusCode);
        Assert.Contains("Nog geen gekoppelde projecten.", Html.Text(await zuid.GetStringAsync("/financier")), StringComparison.Ordinal);
        // Noord still sees the project both funded: ending Zuid's relation took nothing of Noord's.
        Assert.Contains(ForBoth, await noord.GetStringAsync("/financier"), StringComparison.Ordinal);
    }
}

public sealed class SqliteFunderPortfolioIsolationTests(WebApp app) : FunderPortfolioIsolationTests(app), IClassFixture<WebApp>;

[Trait(Needs.Trait, Needs.Postgres)]
public sealed class PostgresFunderPortfolioIsolationTests(PostgresWebApp app) : FunderPortfolioIsolationTests(app), IClassFixture<PostgresWebApp>;
