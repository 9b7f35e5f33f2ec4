using System.Net;
using Impactkaart.Web.Data;
using Impactkaart.Web.Features.Funding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Impactkaart.Web.Tests;

/// <summary>
/// Every route and handler of the result agreements tried with real ids of others: another funder's connection,
/// another provider's project, another funder's agreement posted to one's own page, a provider proposing on a
/// funder's page and a funder accepting on a provider's page, and a funder whose provider is not accepted yet.
/// Each answers "not found" and changes nothing.
/// </summary>
public abstract class AgreementIsolationTests(WebApp app)
{
    [Fact]
    public async Task Nobody_reads_or_changes_the_agreements_of_another_funder_or_provider()
    {
        // Provider P connects its project to funder F (accepted) and F proposes; provider Q does the same with funder G.
        var p = await app.OrganisationAsync("Welzijn P", funder: false);
        var f = await app.OrganisationAsync("Gemeente F", funder: true);
        var q = await app.OrganisationAsync("Welzijn Q", funder: false);
        var g = await app.OrganisationAsync("Gemeente G", funder: true);
        var pending = await app.OrganisationAsync("Gemeente Wacht", funder: true);
        var pProject = await app.ProjectAsync(p, FundingTestSupport.BudgetCoaching("Project van P"));
        var qProject = await app.ProjectAsync(q, FundingTestSupport.HomeVisits("Project van Q"));
        var pFunding = await app.ConnectAsync(p, pProject, f);
        var qFunding = await app.ConnectAsync(q, qProject, g);
        var notAccepted = await app.ConnectAsync(p, pProject, pending, accept: false);
        var pAgreement = await ProposeAsync(f, pFunding.Id);
        var qAgreement = await ProposeAsync(g, qFunding.Id);

        var asF = await SignedInAsync(f);
        var asG = await SignedInAsync(g);
        var asP = await SignedInAsync(p);
        var asQ = await SignedInAsync(q);
        var asPending = await SignedInAsync(pending);
        var tries = new List<(HttpClient Who, string Name, HttpMethod Method, string Url, Guid? Agreement)>
        {
            // Another funder's connection, read and changed.
            (asG, "G reads F's connection", HttpMethod.Get, $"/financier/projecten/{pFunding.Id}/afspraken", null),
            (asG, "G proposes on F's connection", HttpMethod.Post, $"/financier/projecten/{pFunding.Id}/afspraken", null),
            (asG, "G withdraws F's proposal", HttpMethod.Post, $"/financier/projecten/{pFunding.Id}/afspraken?handler=withdraw", pAgreement),
            // Another funder's agreement posted to one's own page.
            (asF, "F withdraws G's proposal through its own connection", HttpMethod.Post, $"/financier/projecten/{pFunding.Id}/afspraken?handler=withdraw", qAgreement),
            // A funder whose provider is not accepted yet sees nothing of the connection.
            (asPending, "a funder not yet accepted reads", HttpMethod.Get, $"/financier/projecten/{notAccepted.Id}/afspraken", null),
            (asPending, "a funder not yet accepted proposes", HttpMethod.Post, $"/financier/projecten/{notAccepted.Id}/afspraken", null),
            // Another provider's project, read and changed.
            (asQ, "Q reads P's agreements", HttpMethod.Get, $"/projecten/{pProject}/afspraken", null),
            (asQ, "Q accepts P's proposal", HttpMethod.Post, $"/projecten/{pProject}/afspraken?handler=accept", pAgreement),
            (asQ, "Q declines P's proposal", HttpMethod.Post, $"/projecten/{pProject}/afspraken?handler=decline", pAgreement),
            (asQ, "Q reports on P's agreement", HttpMethod.Post, $"/projecten/{pProject}/afspraken?handler=report", pAgreement),
            // Another's agreement posted to one's own project.
            (asQ, "Q accepts P's proposal through its own project", HttpMethod.Post, $"/projecten/{qProject}/afspraken?handler=accept", pAgreement),
            (asP, "P declines G's proposal through its own project", HttpMethod.Post, $"/projecten/{pProject}/afspraken?handler=decline", qAgreement),
            // A provider on the funder's page, a funder on the provider's page.
            (asP, "the provider reads the funder's page", HttpMethod.Get, $"/financier/projecten/{pFunding.Id}/afspraken", null),
            (asP, "the provider proposes", HttpMethod.Post, $"/financier/projecten/{pFunding.Id}/afspraken", null),
            (asP, "the provider withdraws", HttpMethod.Post, $"/financier/projecten/{pFunding.Id}/afspraken?handler=withdraw", pAgreement),
            (asF, "the funder reads the provider's page", HttpMethod.Get, $"/projecten/{pProject}/afspraken", null),
            (asF, "the funder accepts its own proposal", HttpMethod.Post, $"/projecten/{pProject}/afspraken?handler=accept", pAgreement),
            (asF, "the funder reports", HttpMethod.Post, $"/projecten/{pProject}/afspraken?handler=report", pAgreement),
        };

        foreach (var (who, name, method, url, agreement) in tries)
        {
            using var request = new HttpRequestMessage(method, url);
            if (method == HttpMethod.Post)
            {
                var (token, _) = await WebApp.FormToken(who, "/organisatie");
                request.Content = new FormUrlEncodedContent(
                [
                    new("__RequestVerificationToken", token), new("afspraak", (agreement ?? Guid.Empty).ToString()),
                    new("soort", "deelnemers"), new("doel", "80"), new("datum", "31-12-2027"), new("aantal", "12"), new("verhaal", "Niet van mij"),
                ]);
            }
            using var response = await who.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{name}: {method} {url} answered {(int)response.StatusCode}, not 'not found'");
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("Project van", body, StringComparison.Ordinal);
        }

        var all = await app.WithDbAsync((db, _) => db.ResultAgreements.AsNoTracking().ToListAsync());
        Assert.Equal(2, all.Count(a => a.Id == pAgreement || a.Id == qAgreement));
        Assert.All(all.Where(a => a.Id == pAgreement || a.Id == qAgreement), a =>
        {
            Assert.Null(a.AcceptedAt);
            Assert.Null(a.RealisedAt);
            Assert.Equal("", a.RealisedNote);
        });
        Assert.Equal(0, all.Count(a => a.FundedProjectId == notAccepted.Id));
        Assert.Equal(1, all.Count(a => a.FundedProjectId == pFunding.Id));

        // Each may of course use its own: the proof that the tries above failed for the right reason.
        Assert.Equal(HttpStatusCode.OK, (await asF.GetAsync($"/financier/projecten/{pFunding.Id}/afspraken")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await asP.GetAsync($"/projecten/{pProject}/afspraken")).StatusCode);
        var (ownToken, _) = await WebApp.FormToken(asP, "/organisatie");
        var accepted = await asP.PostAsync($"/projecten/{pProject}/afspraken?handler=accept",
            new FormUrlEncodedContent([new("__RequestVerificationToken", ownToken), new("afspraak", pAgreement.ToString())]));
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
    }

    [Fact]
    public async Task Ending_a_connection_removes_its_agreements_and_the_funder_page_is_then_not_found()
    {
        var p = await app.OrganisationAsync("Welzijn Einde", funder: false);
        var f = await app.OrganisationAsync("Gemeente Einde", funder: true);
        var project = await app.ProjectAsync(p, FundingTestSupport.BudgetCoaching());
        var funding = await app.ConnectAsync(p, project, f);
        await ProposeAsync(f, funding.Id);

        var disconnected = await app.WithServicesAsync(s => s.GetRequiredService<FundingStore>().DisconnectAsync(p, funding.Id));
        Assert.Equal(FundingOutcome.Done, disconnected.Outcome);

        var asF = await SignedInAsync(f);
        Assert.Equal(HttpStatusCode.NotFound, (await asF.GetAsync($"/financier/projecten/{funding.Id}/afspraken")).StatusCode);
        Assert.Equal(0, await app.WithDbAsync((db, _) => db.ResultAgreements.CountAsync(a => a.ProjectId == project)));
        Assert.Empty(await app.WithServicesAsync(s => s.GetRequiredService<Agreements>().ForFunderAsync(f.OrganisationId)));
    }

    private Task<Guid> ProposeAsync(Member funder, Guid fundingId) =>
        app.WithServicesAsync(async s =>
        {
            var result = await s.GetRequiredService<Agreements>().ProposeAsync(funder, fundingId, new AgreementProposal("deelnemers", null, "80", "31-12-2026", null));
            Assert.Equal(FundingOutcome.Done, result.Outcome);
            return result.Agreement!.Id;
        });

    private async Task<HttpClient> SignedInAsync(Member member)
    {
        var client = app.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await AccountTestSupport.SignInAsync(client, member.Email!)).StatusCode);
        return client;
    }
}

public sealed class SqliteAgreementIsolationTests(WebApp app) : AgreementIsolationTests(app), IClassFixture<WebApp>;

[Trait(Needs.Trait, Needs.Postgres)]
public sealed class PostgresAgreementIsolationTests(PostgresWebApp app) : AgreementIsolationTests(app), IClassFixture<PostgresWebApp>;
