using Impactkaart.Engine.Calculation;
using Impactkaart.Web.Features.Funding;
using Impactkaart.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Impactkaart.Web.Tests;

/// <summary>
/// The rule of what a funder sees (<see cref="FunderAccess"/>) and the changes between providers and funders
/// (<see cref="FundingStore"/>), on the real store: a funder sees a project only once connected and accepted, only its
/// own connections, nothing after the provider ends them, and every change stands in both organisations' logs.
/// </summary>
public abstract class FundingStoreTests(WebApp app)
{
    [Fact]
    public async Task The_two_published_examples_connected_to_one_funder_invest_127000_euro_and_save_about_900_hours_of_nursing_and_care()
    {
        var provider = await app.OrganisationAsync("Welzijn Voorbeeld", funder: false);
        var funder = await app.OrganisationAsync("Gemeente Voorbeeld", funder: true);
        await app.ConnectAsync(provider, await app.ProjectAsync(provider, FundingTestSupport.BudgetCoaching()), funder);
        await app.ConnectAsync(provider, await app.ProjectAsync(provider, FundingTestSupport.HomeVisits()), funder);

        var rows = await app.FunderRowsAsync(funder);
        var totals = FunderTotals.Of(rows);

        Assert.Equal(2, totals.Projects);
        Assert.Equal(127_000_00, totals.InvestedCents);
        Assert.Equal(120, totals.Participants);
        var nursing = totals.BySector.Single(s => s.SectorId == "verpleging-verzorging").Hours;
        Assert.InRange(nursing, 850, 950);
        // Benefits are the two maps' benefits (1.9 x 90,000 and 1.2 x 37,000), the municipality's share listed first.
        Assert.InRange(totals.BenefitsCents / 100.0, 1.85 * 90_000 + 1.15 * 37_000, 1.95 * 90_000 + 1.25 * 37_000);
        Assert.Equal(FunderTotals.Municipality, totals.ByPayer[0].PayerId);
        Assert.InRange(totals.ByPayer.Sum(p => p.Cents) - totals.BenefitsCents, -10, 10);

        var uncertainty = await app.WithServicesAsync(s => s.GetRequiredService<FunderPortfolio>().UncertaintyAsync(rows));
        Assert.NotNull(uncertainty);
        Assert.Equal(2, uncertainty.Projects);
        Assert.True(uncertainty.Headline.NetPresentValueP10.Euros < uncertainty.Headline.NetPresentValueP50.Euros);
        Assert.True(uncertainty.Headline.NetPresentValueP50.Euros < uncertainty.Headline.NetPresentValueP90.Euros);
    }

    [Fact]
    public async Task A_funder_sees_a_connected_project_only_after_accepting_the_provider_and_not_after_the_provider_ends_it()
    {
        var provider = await app.OrganisationAsync("Welzijn Wachtend", funder: false);
        var funder = await app.OrganisationAsync("Gemeente Wachtend", funder: true);
        var project = await app.ProjectAsync(provider, FundingTestSupport.BudgetCoaching());

        var funding = await app.ConnectAsync(provider, project, funder, accept: false);
        Assert.Empty(await app.FunderRowsAsync(funder));

        var relation = await app.WithDbAsync((db, _) => db.FunderRelations.SingleAsync(r => r.FunderId == funder.OrganisationId));
        var accepted = await app.WithServicesAsync(s => s.GetRequiredService<FundingStore>().AcceptAsync(funder, relation.Id));
        Assert.Equal(FundingOutcome.Done, accepted.Outcome);
        Assert.Equal(project, Assert.Single(await app.FunderRowsAsync(funder)).ProjectId);

        // A second project of the same provider needs no second acceptance.
        var second = await app.ProjectAsync(provider, FundingTestSupport.HomeVisits());
        await app.ConnectAsync(provider, second, funder, accept: false);
        Assert.Equal(2, (await app.FunderRowsAsync(funder)).Count);

        Assert.Equal(FundingOutcome.Done, (await app.WithServicesAsync(s => s.GetRequiredService<FundingStore>().DisconnectAsync(provider, funding.Id))).Outcome);
        Assert.Equal(second, Assert.Single(await app.FunderRowsAsync(funder)).ProjectId);

        Assert.Equal(FundingOutcome.Done, (await app.WithServicesAsync(s => s.GetRequiredService<FundingStore>().EndAsync(provider, relation.Id))).Outcome);
        Assert.Empty(await app.FunderRowsAsync(funder));
        Assert.Equal(0, await app.WithDbAsync((db, _) => db.FundedProjects.CountAsync(f => f.FunderId == funder.OrganisationId)));

        string[] expected = [FundingCodes.Requested, FundingCodes.Connected, FundingCodes.Accepted, FundingCodes.Connected, FundingCodes.Disconnected, FundingCodes.Ended];
        Assert.Equal(expected, (await app.AuditAsync(provider.OrganisationId)).Select(a => a.Action).Where(a => a.StartsWith("funding.", StringComparison.Ordinal)));
        Assert.Equal(expected, (await app.AuditAsync(funder.OrganisationId)).Select(a => a.Action).Where(a => a.StartsWith("funding.", StringComparison.Ordinal)));
        var inFunderLog = (await app.AuditAsync(funder.OrganisationId)).First(a => a.Action == FundingCodes.Connected);
        Assert.Equal($"{provider.DisplayName} (Welzijn Wachtend)", inFunderLog.MemberName);
    }

    [Fact]
    public async Task A_provider_of_two_municipalities_shows_each_only_its_own_connections_and_a_deleted_project_disappears()
    {
        var provider = await app.OrganisationAsync("Welzijn Twee Gemeenten", funder: false);
        var north = await app.OrganisationAsync("Gemeente Noord", funder: true);
        var south = await app.OrganisationAsync("Gemeente Zuid", funder: true);
        var forNorth = await app.ProjectAsync(provider, FundingTestSupport.BudgetCoaching("Voor Noord"));
        var forSouth = await app.ProjectAsync(provider, FundingTestSupport.HomeVisits("Voor Zuid"));
        await app.ConnectAsync(provider, forNorth, north, neighbourhoods: "Centrum; centrum ; Oost");
        await app.ConnectAsync(provider, forSouth, south);

        var northRows = await app.FunderRowsAsync(north);
        Assert.Equal("Voor Noord", Assert.Single(northRows).Name);
        Assert.Equal(["Centrum", "Oost"], northRows[0].Neighbourhoods);
        Assert.Equal("Voor Zuid", Assert.Single(await app.FunderRowsAsync(south)).Name);
        Assert.Single(await app.FunderRowsAsync(north, new FunderFilter(Neighbourhood: "oost")));
        Assert.Empty(await app.FunderRowsAsync(north, new FunderFilter(Phase: Phase.Evaluation)));

        await app.WithServicesAsync(s => s.GetRequiredService<Features.Projects.ProjectStore>().DeleteAsync(provider, forNorth));
        Assert.Empty(await app.FunderRowsAsync(north));
        Assert.Equal(0, await app.WithDbAsync((db, _) => db.FundedProjects.CountAsync(f => f.ProjectId == forNorth)));
        var told = (await app.AuditAsync(north.OrganisationId)).Last();
        Assert.Equal((FundingCodes.Disconnected, "Welzijn Twee Gemeenten: Voor Noord", "project verwijderd"), (told.Action, told.Subject, told.Detail));
        Assert.Equal("Voor Zuid", Assert.Single(await app.FunderRowsAsync(south)).Name);
    }

    [Fact]
    public async Task Nobody_connects_another_organisations_project_or_accepts_another_funders_request()
    {
        var provider = await app.OrganisationAsync("Welzijn Eigen", funder: false);
        var stranger = await app.OrganisationAsync("Welzijn Vreemd", funder: false);
        var funder = await app.OrganisationAsync("Gemeente Eigen", funder: true);
        var otherFunder = await app.OrganisationAsync("Gemeente Vreemd", funder: true);
        var project = await app.ProjectAsync(provider, FundingTestSupport.BudgetCoaching());

        var byStranger = await app.WithServicesAsync(s => s.GetRequiredService<FundingStore>().ConnectAsync(stranger, project, funder.OrganisationId, "Welzijn", ""));
        Assert.Equal(FundingOutcome.NotFound, byStranger.Outcome);
        var toProvider = await app.WithServicesAsync(s => s.GetRequiredService<FundingStore>().ConnectAsync(provider, project, stranger.OrganisationId, "Welzijn", ""));
        Assert.Equal(FundingOutcome.Invalid, toProvider.Outcome);
        Assert.Contains(toProvider.FieldErrors, e => e.Field == FundingStore.FunderField);
        var noScheme = await app.WithServicesAsync(s => s.GetRequiredService<FundingStore>().ConnectAsync(provider, project, funder.OrganisationId, "  ", ""));
        Assert.Equal(FundingStore.SchemeField, Assert.Single(noScheme.FieldErrors).Field);

        var funding = await app.ConnectAsync(provider, project, funder, accept: false);
        var relation = await app.WithDbAsync((db, _) => db.FunderRelations.SingleAsync(r => r.FunderId == funder.OrganisationId));
        Assert.Equal(FundingOutcome.NotFound, (await app.WithServicesAsync(s => s.GetRequiredService<FundingStore>().AcceptAsync(otherFunder, relation.Id))).Outcome);
        Assert.Equal(FundingOutcome.NotFound, (await app.WithServicesAsync(s => s.GetRequiredService<FundingStore>().AcceptAsync(provider, relation.Id))).Outcome);
        Assert.Equal(FundingOutcome.NotFound, (await app.WithServicesAsync(s => s.GetRequiredService<FundingStore>().EndAsync(otherFunder, relation.Id))).Outcome);
        Assert.Equal(FundingOutcome.NotFound, (await app.WithServicesAsync(s => s.GetRequiredService<FundingStore>().DisconnectAsync(stranger, funding.Id))).Outcome);
        Assert.Equal(FundingOutcome.NotFound, (await app.WithServicesAsync(s => s.GetRequiredService<FundingStore>().DisconnectAsync(funder, funding.Id))).Outcome);
        Assert.Empty(await app.FunderRowsAsync(funder));
        Assert.Empty(await app.FunderRowsAsync(otherFunder));
    }

    [Fact]
    public async Task A_project_saved_before_breakdowns_existed_gets_its_breakdown_from_its_current_version()
    {
        var provider = await app.OrganisationAsync("Welzijn Oud", funder: false);
        var funder = await app.OrganisationAsync("Gemeente Oud", funder: true);
        var project = await app.ProjectAsync(provider, FundingTestSupport.HomeVisits());
        await app.ConnectAsync(provider, project, funder);
        var fresh = Assert.Single(await app.FunderRowsAsync(funder));
        await app.WithDbAsync(async (db, _) =>
        {
            var row = await db.Projects.SingleAsync(p => p.Id == project);
            (row.Breakdown, row.WelfareBenefitsCents) = ("", 0);
            return await db.SaveChangesAsync();
        });

        var filled = Assert.Single(await app.FunderRowsAsync(funder));

        Assert.Equal(fresh.WelfareBenefitsCents, filled.WelfareBenefitsCents);
        Assert.Equal(fresh.Breakdown.ToJson(), filled.Breakdown.ToJson());
        Assert.NotEqual("", await app.WithDbAsync((db, _) => db.Projects.Where(p => p.Id == project).Select(p => p.Breakdown).SingleAsync()));
    }

    [Fact]
    public async Task Providers_find_funders_by_part_of_their_name_ignoring_case_and_accents_but_never_a_provider()
    {
        var provider = await app.OrganisationAsync("Welzijn Zoekend", funder: false);
        await app.OrganisationAsync("Gemeente Súdwest-Fryslân", funder: true);
        await app.OrganisationAsync("Welzijn Súdwest", funder: false);

        var found = await app.WithServicesAsync(s => s.GetRequiredService<FundingStore>().SearchFundersAsync(provider.OrganisationId, "sudwest"));

        Assert.Equal("Gemeente Súdwest-Fryslân", Assert.Single(found).Name);
        Assert.Empty(await app.WithServicesAsync(s => s.GetRequiredService<FundingStore>().SearchFundersAsync(provider.OrganisationId, "s")));
    }
}

public sealed class SqliteFundingStoreTests(WebApp app) : FundingStoreTests(app), IClassFixture<WebApp>;

[Trait(Needs.Trait, Needs.Postgres)]
public sealed class PostgresFundingStoreTests(PostgresWebApp app) : FundingStoreTests(app), IClassFixture<PostgresWebApp>;
