using System.Net.Http.Headers;
using Impactkaart.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Impactkaart.Web.Tests;

/// <summary>
/// A funder signed in on the site, with an API key, and a provider whose two published examples are connected to it,
/// for the tests of what a funder reads (the funder API, the council report) and of its isolation.
/// </summary>
public static class FunderReadingSupport
{
    /// <summary>A provider with the two published examples connected to a signed-in funder that has a read key.</summary>
    public sealed record Setup(Member Provider, Member Funder, HttpClient FunderSite, HttpClient FunderApi, FundedProject Coaching, FundedProject Visits);

    public static async Task<Setup> FunderWithTwoProjectsAsync(WebApp app, string funderName, string providerName)
    {
        var provider = await app.OrganisationAsync(providerName, funder: false);
        var (site, funder) = await SignedInAsync(app, funderName, funder: true);
        var coaching = await app.ConnectAsync(provider, await app.ProjectAsync(provider, FundingTestSupport.BudgetCoaching()), funder, "Welzijn 2026", "Noord; Oost");
        var visits = await app.ConnectAsync(provider, await app.ProjectAsync(provider, FundingTestSupport.HomeVisits()), funder, "Ouderen 2026");
        return new Setup(provider, funder, site, ApiClient(app, await ApiKeyAdminTests.CreateKeyAsync(site, "Raadsinformatie", ApiKey.Read)), coaching, visits);
    }

    /// <summary>A new organisation whose admin is signed in on the returned client; a funder when <paramref name="funder"/>, else a provider.</summary>
    public static async Task<(HttpClient Client, Member Admin)> SignedInAsync(WebApp app, string name, bool funder)
    {
        ArgumentNullException.ThrowIfNull(app);
        var email = $"beheer-{Guid.NewGuid():N}@{(funder ? "gemeente" : "welzijn")}.example.nl";
        var client = await app.RegisterAsync(name, email);
        var admin = await app.MemberAsync(email);
        await app.WithDbAsync(async (db, _) =>
        {
            var organisation = await db.Organisations.SingleAsync(o => o.Id == admin.OrganisationId);
            organisation.IsFunder = funder;
            organisation.IsProvider = !funder;
            return await db.SaveChangesAsync();
        });
        return (client, admin);
    }

    public static HttpClient ApiClient(WebApp app, string key)
    {
        ArgumentNullException.ThrowIfNull(app);
        var client = app.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>An agreement on the connection as the agreements' pages store one: accepted, with a reported count and its story.</summary>
    public static Task<ResultAgreement> AgreementAsync(WebApp app, FundedProject funding, Member funder, string label, double target, double? realised, string note) =>
        app.WithDbAsync(async (db, _) =>
        {
            var agreement = new ResultAgreement
            {
                Id = Guid.NewGuid(), FundedProjectId = funding.Id, ProjectId = funding.ProjectId, ProviderId = funding.ProviderId, FunderId = funding.FunderId,
                Kind = AgreementKind.Count, Label = label, Target = target, Due = new DateOnly(2026, 12, 31), Note = "Graag per kwartaal",
                ProposedBy = funder.Id, ProposedByName = funder.DisplayName, ProposedAt = DateTime.UtcNow,
                AcceptedAt = DateTime.UtcNow, AcceptedByName = "Aanbieder", RealisedCount = realised, RealisedNote = note,
                RealisedAt = realised is null ? null : DateTime.UtcNow,
            };
            db.ResultAgreements.Add(agreement);
            await db.SaveChangesAsync();
            return agreement;
        });

}
