using System.Net;
using System.Text.RegularExpressions;
using Impactkaart.Web.Data;
using Impactkaart.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace Impactkaart.Web.Tests;

/// <summary>
/// Share links: a member makes a read-only link to one project's map for a funder, sees it once, lists and revokes
/// it; the funder opens it without an account; a link that no longer works says so. On both databases.
/// </summary>
public abstract partial class ShareTests(WebApp app)
{
    private readonly string email = $"delen-{Guid.NewGuid():N}@share.nl";

    private async Task<(HttpClient Client, Project Project)> ProjectAsync(string phase = "plan")
    {
        var client = await app.RegisterAsync("Stichting Deelbaar", email);
        var project = await PortfolioProjects.AddAsync(app, email, "Geld op orde Noord", participants: 80, cost: 90_000m, phase: phase);
        return (client, project);
    }

    private static async Task<(HttpResponseMessage Response, string Html)> MakeLinkAsync(HttpClient client, Guid project, string label = "", string expiry = "")
    {
        var page = $"/projecten/{project}/delen";
        var response = await WebApp.Post(client, page, page, [new("label", label), new("verloopt", expiry)]);
        return (response, await response.Content.ReadAsStringAsync());
    }

    private static string TokenIn(string html) => SharedUrl().Match(html).Groups[1].Value;

    private async Task<T> InDatabase<T>(Func<ImpactkaartDb, Task<T>> work)
    {
        using var scope = app.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<ImpactkaartDb>());
    }

    [Fact]
    public async Task A_new_link_is_shown_once_in_full_stored_only_as_its_hash_and_listed_with_its_maker()
    {
        var (client, project) = await ProjectAsync();

        var before = await client.GetStringAsync($"/projecten/{project.Id}/delen");
        var (response, html) = await MakeLinkAsync(client, project.Id, "Gemeente Noord", "31-12-2099");
        var token = TokenIn(html);
        var later = await client.GetStringAsync($"/projecten/{project.Id}/delen");

        Assert.Contains("Er is nog geen link gemaakt.", before, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("hij wordt maar één keer getoond", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Equal(43, token.Length);
        // Shown once (in the field to copy from), and the form is empty again for the next link.
        Assert.Single(Regex.Matches(html, "value=\"[^\"]*" + Regex.Escape(token)));
        Assert.Empty(Regex.Matches(html, ">[^<]*" + Regex.Escape(token)));
        Assert.DoesNotContain("value=\"Gemeente Noord\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"31-12-2099\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(token, later, StringComparison.Ordinal);
        Assert.Contains("Gemeente Noord", later, StringComparison.Ordinal);
        Assert.Contains("Beheerder Stichting Deelbaar", later, StringComparison.Ordinal);
        Assert.Contains("t/m 31-12-2099", later, StringComparison.Ordinal);
        Assert.Contains("actief", later, StringComparison.Ordinal);
        var stored = await InDatabase(db => db.ShareLinks.SingleAsync(s => s.ProjectId == project.Id));
        Assert.Equal(Tokens.Hash(token), stored.TokenHash);
        Assert.NotEqual(token, stored.TokenHash);
        var audit = await InDatabase(db => db.AuditEntries.Where(a => a.OrganisationId == project.OrganisationId && a.Action == "share.created").ToListAsync());
        Assert.Equal("Geld op orde Noord", Assert.Single(audit).Subject);
    }

    [Fact]
    public async Task A_funder_sees_the_map_read_only_without_an_account_and_gets_its_pdf()
    {
        var (client, project) = await ProjectAsync();
        var token = TokenIn((await MakeLinkAsync(client, project.Id)).Html);
        var funder = app.Client();

        var response = await funder.GetAsync($"/gedeeld/{token}");
        var html = await response.Content.ReadAsStringAsync();
        var pdf = await funder.GetAsync($"/gedeeld/{token}/pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = WebUtility.HtmlDecode(html);
        Assert.Contains("Impactkaart: Geld op orde Noord", text, StringComparison.Ordinal);
        Assert.Contains("Gedeeld door Stichting Deelbaar", text, StringComparison.Ordinal);
        Assert.Contains("Opbrengst in geld", text, StringComparison.Ordinal);
        Assert.Contains("per geïnvesteerde euro", text, StringComparison.Ordinal);
        Assert.Contains("Maatschappelijke waarde", text, StringComparison.Ordinal);
        Assert.Contains("80% van de uitkomsten ligt tussen", text, StringComparison.Ordinal);
        Assert.Contains("Wie betaalt, wie wint", text, StringComparison.Ordinal);
        Assert.Contains("Aannames en bronnen", text, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"robots\" content=\"noindex, nofollow\" />", html, StringComparison.Ordinal);
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        // Read-only and nothing else of the organisation: no form, no link to its projects or to an edit step.
        Assert.DoesNotContain("<form", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/projecten", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/stap-2", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        using var document = PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync());
        Assert.Contains("Geld op orde Noord", string.Join(" ", document.GetPages().Select(p => p.Text)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_shared_map_is_the_newest_evaluation_when_there_is_one()
    {
        // The helper saves a plan (80 participants) and then an evaluation with 75.
        var (client, project) = await ProjectAsync("evaluatie");
        var token = TokenIn((await MakeLinkAsync(client, project.Id)).Html);

        var html = WebUtility.HtmlDecode(await app.Client().GetStringAsync($"/gedeeld/{token}"));

        Assert.Contains("75 deelnemers", html, StringComparison.Ordinal);
        Assert.Contains("evaluatie (achteraf", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revoked_link_stops_working_at_once_and_says_to_ask_for_a_new_one()
    {
        var (client, project) = await ProjectAsync();
        var token = TokenIn((await MakeLinkAsync(client, project.Id, "Fonds")).Html);
        var link = await InDatabase(db => db.ShareLinks.SingleAsync(s => s.ProjectId == project.Id));
        var page = $"/projecten/{project.Id}/delen";

        var revoke = await WebApp.Post(client, page, page + "?handler=revoke", [new("link", link.Id.ToString())]);
        var shared = await app.Client().GetAsync($"/gedeeld/{token}");
        var pdf = await app.Client().GetAsync($"/gedeeld/{token}/pdf");
        var list = await client.GetStringAsync(page);

        Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, shared.StatusCode);
        var html = await shared.Content.ReadAsStringAsync();
        Assert.Contains("Deze link werkt niet meer", html, StringComparison.Ordinal);
        Assert.Contains("Vraag de organisatie die de link stuurde om een nieuwe link.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Geld op orde Noord", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, pdf.StatusCode);
        Assert.NotEqual("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Contains("ingetrokken", list, StringComparison.Ordinal);
        Assert.DoesNotContain("?handler=revoke", list, StringComparison.Ordinal);
        Assert.Equal(1, await InDatabase(db => db.AuditEntries.CountAsync(a => a.OrganisationId == project.OrganisationId && a.Action == "share.revoked")));
    }

    [Fact]
    public async Task An_expired_or_unknown_link_or_one_to_a_deleted_project_gets_our_own_page()
    {
        var (client, project) = await ProjectAsync();
        var expired = TokenIn((await MakeLinkAsync(client, project.Id, "Verlopen")).Html);
        await InDatabase(db => db.ShareLinks.Where(s => s.TokenHash == Tokens.Hash(expired))
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.ExpiresAt, DateTime.UtcNow.AddMinutes(-1))));
        var second = await PortfolioProjects.AddAsync(app, email, "Wordt verwijderd");
        var deleted = TokenIn((await MakeLinkAsync(client, second.Id)).Html);
        await InDatabase(db => db.Projects.Where(p => p.Id == second.Id).ExecuteUpdateAsync(u => u.SetProperty(p => p.DeletedAt, DateTime.UtcNow)));

        var responses = new Dictionary<string, HttpResponseMessage>
        {
            ["verlopen"] = await app.Client().GetAsync($"/gedeeld/{expired}"),
            ["verwijderd"] = await app.Client().GetAsync($"/gedeeld/{deleted}"),
            ["onbekend"] = await app.Client().GetAsync("/gedeeld/" + Tokens.New()),
        };

        Assert.Equal(HttpStatusCode.Gone, responses["verlopen"].StatusCode);
        Assert.Equal(HttpStatusCode.Gone, responses["verwijderd"].StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, responses["onbekend"].StatusCode);
        foreach (var (_, response) in responses)
        {
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains("Deze link werkt niet meer", html, StringComparison.Ordinal);
            Assert.Contains("noindex", html, StringComparison.Ordinal);
        }
        Assert.Contains("verlopen", await client.GetStringAsync($"/projecten/{project.Id}/delen"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_or_past_end_date_or_a_long_label_is_named_and_no_link_is_made()
    {
        var (client, project) = await ProjectAsync();

        var (wrong, wrongHtml) = await MakeLinkAsync(client, project.Id, "Gemeente", "31-02-2027");
        var (past, pastHtml) = await MakeLinkAsync(client, project.Id, "Gemeente", "01-01-2020");
        var (longLabel, longHtml) = await MakeLinkAsync(client, project.Id, new string('x', 201));

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("Vul de einddatum in als dd-mm-jjjj", wrongHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"31-02-2027\"", wrongHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"Gemeente\"", wrongHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.Contains("Kies een einddatum vanaf vandaag", pastHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, longLabel.StatusCode);
        Assert.Contains("korter dan 200 tekens", longHtml, StringComparison.Ordinal);
        Assert.Equal(0, await InDatabase(db => db.ShareLinks.CountAsync(s => s.ProjectId == project.Id)));
    }

    [Fact]
    public async Task Another_organisation_gets_not_found_for_every_share_route_and_a_visitor_must_sign_in()
    {
        var (client, project) = await ProjectAsync();
        var token = TokenIn((await MakeLinkAsync(client, project.Id)).Html);
        var link = await InDatabase(db => db.ShareLinks.SingleAsync(s => s.ProjectId == project.Id));
        var otherEmail = $"ander-{Guid.NewGuid():N}@share.nl";
        var other = await app.RegisterAsync("Nieuwsgierig", otherEmail);
        // The other member posts with a form token of a page of their own, as a real attacker could.
        var ownPage = $"/projecten/{(await PortfolioProjects.AddAsync(app, otherEmail, "Eigen project")).Id}/delen";
        var page = $"/projecten/{project.Id}/delen";

        var get = await other.GetAsync(page);
        var create = await WebApp.Post(other, ownPage, page, [new("label", "gestolen")]);
        var revoke = await WebApp.Post(other, ownPage, page + "?handler=revoke", [new("link", link.Id.ToString())]);
        var anonymous = await app.Client().GetAsync(page);

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.DoesNotContain("Geld op orde Noord", await get.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Pagina niet gevonden", await get.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, create.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/inloggen", anonymous.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var stored = await InDatabase(db => db.ShareLinks.Where(s => s.ProjectId == project.Id).ToListAsync());
        Assert.Null(Assert.Single(stored).RevokedAt);
        Assert.Equal(HttpStatusCode.OK, (await app.Client().GetAsync($"/gedeeld/{token}")).StatusCode);
    }

    [GeneratedRegex("/gedeeld/([A-Za-z0-9_-]{43})")]
    private static partial Regex SharedUrl();
}

public sealed class SqliteShareTests(WebApp app) : ShareTests(app), IClassFixture<WebApp>;

[Trait(Needs.Trait, Needs.Postgres)]
public sealed class PostgresShareTests(PostgresWebApp app) : ShareTests(app), IClassFixture<PostgresWebApp>;
