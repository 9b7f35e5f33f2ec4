using Impactkaart.Engine.Calculation;
using Impactkaart.Web.Data;
using Impactkaart.Web.Features.Funding;
using Impactkaart.Web.Features.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Impactkaart.Web.Tests;

/// <summary>
/// Providers, funders and their connections made through the app's own services (not the pages), for tests whose
/// subject is what comes after: the funder's portfolio, agreements, reports, the API.
/// </summary>
public static class FundingTestSupport
{
    /// <summary>The published example of budget coaching: 80 participants, EUR 90,000.</summary>
    public static ProjectRequest BudgetCoaching(string name = "Budgetcoaching Noord") =>
        new() { Name = name, ReferenceProject = "budgetcoaching", Participants = "80", Cost = "90000", Start = "2026-01-01", Phase = PhaseWord.Plan };

    /// <summary>The published example of home visits to the elderly: 40 participants, EUR 37,000.</summary>
    public static ProjectRequest HomeVisits(string name = "Huisbezoek 75+ Oost") =>
        new() { Name = name, ReferenceProject = "huisbezoek-ouderen", Participants = "40", Cost = "37000", Start = "2026-01-01", Phase = PhaseWord.Plan };

    /// <summary>An organisation and its admin made in the store; a funder when <paramref name="funder"/>, else a provider.</summary>
    public static async Task<Member> OrganisationAsync(this WebApp app, string name, bool funder)
    {
        ArgumentNullException.ThrowIfNull(app);
        var admin = await app.CreateAccountAsync(name, $"beheer-{Guid.NewGuid():N}@{(funder ? "gemeente" : "welzijn")}.example.nl");
        await app.WithDbAsync(async (db, _) =>
        {
            var organisation = await db.Organisations.SingleAsync(o => o.Id == admin.OrganisationId);
            organisation.IsFunder = funder;
            organisation.IsProvider = !funder;
            return await db.SaveChangesAsync();
        });
        return admin;
    }

    /// <summary>Saves a project for the member's organisation, as the save page does; returns its id.</summary>
    public static Task<Guid> ProjectAsync(this WebApp app, Member by, ProjectRequest request) =>
        app.WithServicesAsync(async services =>
        {
            var saved = await services.GetRequiredService<ProjectStore>().CreateAsync(by, request);
            Assert.Equal(SaveOutcome.Saved, saved.Outcome);
            return saved.Project!.Id;
        });

    /// <summary>Connects a project to a funder under a scheme; when <paramref name="accept"/>, the funder's admin accepts the provider.</summary>
    public static Task<FundedProject> ConnectAsync(this WebApp app, Member provider, Guid projectId, Member funder, string scheme = "Welzijn 2026",
        string neighbourhoods = "", bool accept = true) =>
        app.WithServicesAsync(async services =>
        {
            var store = services.GetRequiredService<FundingStore>();
            var connected = await store.ConnectAsync(provider, projectId, funder.OrganisationId, scheme, neighbourhoods);
            Assert.Equal(FundingOutcome.Done, connected.Outcome);
            if (accept && connected.Relation!.AcceptedAt is null)
            {
                Assert.Equal(FundingOutcome.Done, (await store.AcceptAsync(funder, connected.Relation.Id)).Outcome);
            }
            return connected.Funding!;
        });

    /// <summary>The funder's portfolio rows as its pages read them.</summary>
    public static Task<List<FundedRow>> FunderRowsAsync(this WebApp app, Member funder, FunderFilter? filter = null) =>
        app.WithServicesAsync(services => services.GetRequiredService<FunderPortfolio>().RowsAsync(funder.OrganisationId, filter ?? FunderFilter.All));

    public static async Task<T> WithServicesAsync<T>(this WebApp app, Func<IServiceProvider, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }
}
