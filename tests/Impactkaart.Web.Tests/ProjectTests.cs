using System.Net;
using System.Text.RegularExpressions;
using Impactkaart.Engine.Calculation;
using Impactkaart.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Impactkaart.Web.Tests;

/// <summary>
/// Saved projects on both databases: saving a map, new versions with what changed, plan and evaluation side by
/// side, another model version, two people saving at once, deleting, and ids that are not found.
/// </summary>
public abstract class ProjectTests(WebApp app)
{
    private const string Organisation = "Welzijn Samen";

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<WebApp, Task<HttpClient>> Registered = [];

    public const string Map = "/kaart?ref=budgetcoaching&deelnemers=80&kosten=90000&naam=Geld%20op%20orde";

    public static readonly KeyValuePair<string, string>[] Plan =
        [new("ref", "budgetcoaching"), new("naam", "Geld op orde"), new("deelnemers", "80"), new("kosten", "90000")];

    [Fact]
    public async Task Saving_a_map_makes_a_project_page_with_its_figures_and_first_version()
    {
        var client = await MemberAsync();
        var map = await Html(client.GetStringAsync(Map));
        Assert.Contains("Bewaar als project", map, StringComparison.Ordinal);

        var id = await CreateAsync(client, Plan);
        var page = await Html(client.GetStringAsync($"/projecten/{id}"));

        Assert.Contains("<h1>Geld op orde</h1>", page, StringComparison.Ordinal);
        // The project page shows the saved map's two views (before: one sentence "Elke geïnvesteerde euro levert € 1,90 op").
        Assert.Contains("Opbrengst in geld", WebApp.VisibleText(page), StringComparison.Ordinal);
        Assert.Contains("€ 1,90 per geïnvesteerde euro", WebApp.VisibleText(page), StringComparison.Ordinal);
        Assert.Contains("Maatschappelijke waarde", WebApp.VisibleText(page), StringComparison.Ordinal);
        Assert.Contains("Budgetcoaching", page, StringComparison.Ordinal);
        Assert.Contains("Eerste versie", page, StringComparison.Ordinal);
        Assert.Contains("Beheerder " + Organisation, page, StringComparison.Ordinal);
        Assert.Contains("Nog geen evaluatie", page, StringComparison.Ordinal);
        Assert.Contains($"/projecten/{id}/delen", page, StringComparison.Ordinal);
        // "Kaart bekijken" opens the saved map, marked with the project so saving it again makes a new version.
        var mapLink = WebUtility.HtmlDecode(Regex.Match(page, "href=\"([^\"]+)\">Kaart bekijken").Groups[1].Value);
        var reopened = await Html(client.GetStringAsync(mapLink));
        Assert.Contains("Bewaar als nieuwe versie", reopened, StringComparison.Ordinal);
        Assert.Contains("€ 1,90", reopened, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_map_asks_a_visitor_to_sign_in_to_save_it_and_leads_to_save_this_map()
    {
        var map = await app.Client().GetStringAsync(Map);

        Assert.Contains("Log in om deze kaart te bewaren", map, StringComparison.Ordinal);
        Assert.Contains("/inloggen?terug=%2Fprojecten%2Fnieuw%3F", map, StringComparison.Ordinal);
        Assert.DoesNotContain("Bewaar als project", map, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_version_says_in_words_what_changed()
    {
        var client = await MemberAsync();
        var id = await CreateAsync(client, Plan);

        var saved = await SaveAsync(client, id, 1, [new("ref", "budgetcoaching"), new("naam", "Geld op orde"), new("deelnemers", "65"), new("kosten", "82000"), new("a.intensiteit", "meer")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var page = await Html(client.GetStringAsync($"/projecten/{id}"));
        Assert.Contains("Deelnemers: 80 → 65", page, StringComparison.Ordinal);
        Assert.Contains("Kosten: € 90.000 → € 82.000", page, StringComparison.Ordinal);
        Assert.Contains("Antwoord 'Intensiteit': ", page, StringComparison.Ordinal);
        var version = await Html(client.GetStringAsync($"/projecten/{id}/versies/2"));
        Assert.Contains("Geld op orde: versie 2", version, StringComparison.Ordinal);
        Assert.Contains("Deelnemers: 80 → 65", version, StringComparison.Ordinal);
        Assert.Contains("Kaart van deze versie bekijken", version, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/projecten/{id}/versies/3")).StatusCode);
    }

    [Fact]
    public async Task An_evaluation_stands_beside_the_plan_with_the_differences_explained()
    {
        var client = await MemberAsync();
        var id = await CreateAsync(client, Plan);
        var page = await Html(client.GetStringAsync($"/projecten/{id}"));
        var evaluationLink = WebUtility.HtmlDecode(Regex.Match(page, "href=\"([^\"]+)\">Evaluatie maken").Groups[1].Value);
        Assert.Contains("fase=evaluatie", evaluationLink, StringComparison.Ordinal);
        Assert.Contains("project=" + id, evaluationLink, StringComparison.Ordinal);
        Assert.Contains("Achteraf", await Html(client.GetStringAsync(evaluationLink)), StringComparison.Ordinal);

        var saved = await SaveAsync(client, id, 1,
        [
            new("ref", "budgetcoaching"), new("naam", "Geld op orde"), new("fase", "evaluatie"), new("deelnemers", "65"),
            new("kosten", "82000"), new("m.voorkomen-huisuitzetting", "0.02"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        page = await Html(client.GetStringAsync($"/projecten/{id}"));
        Assert.Contains("Plan en evaluatie naast elkaar", page, StringComparison.Ordinal);
        Assert.Contains("Er deden 15 deelnemers minder mee dan gepland", page, StringComparison.Ordinal);
        Assert.Contains("De kosten waren € 8.000 lager dan gepland", page, StringComparison.Ordinal);
        // A measured value is gross, so it is set beside the plan's gross effect per participant: at the plan's usual cost
        // per participant (90,000 / 80 = 1,125) and without answers that is the reference effect itself.
        var reference = Impactkaart.Engine.Model.ModelLoader.Shipped.FindReferenceProject("budgetcoaching")!.Outcomes.Single(o => o.Id == "voorkomen-huisuitzetting").Effect.Central;
        Assert.Contains($"Gemeten in plaats van aangenomen: Voorkomen huisuitzettingen: 0,02 uitzettingen per deelnemer, bruto (het plan verwachtte {reference.ToString("0.####", System.Globalization.CultureInfo.GetCultureInfo("nl-NL"))}).",
            page, StringComparison.Ordinal);
        Assert.Contains("<strong>evaluatie</strong>", page, StringComparison.Ordinal);
        Assert.Contains("Eerste evaluatie. Anders dan het plan:", page, StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ImpactkaartDb>();
        var project = await db.Projects.SingleAsync(p => p.Id == id);
        var evaluation = await db.ProjectVersions.SingleAsync(v => v.ProjectId == id && v.Number == 2);
        Assert.Equal(Phase.Evaluation, project.Phase);
        Assert.Equal("evaluatie", await StoredPhaseAsync(db, id));
        Assert.Equal(evaluation.InvestedCents, project.InvestedCents);
        Assert.Equal(evaluation.BenefitsCents, project.BenefitsCents);
    }

    [Fact]
    public async Task The_second_of_two_people_saving_at_once_is_told_who_saved_and_keeps_their_input()
    {
        var first = await MemberAsync();
        var id = await CreateAsync(first, Plan);
        var second = await app.InviteAndAcceptAsync(first, $"sanne-{Guid.NewGuid():N}@example.nl", "Sanne de Vries");

        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(first, id, 1, [.. Plan.Where(f => f.Key != "deelnemers"), new("deelnemers", "90")])).StatusCode);
        var late = await SaveAsync(second, id, 1, [.. Plan.Where(f => f.Key != "deelnemers"), new("deelnemers", "70")]);

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        var body = await Html(late.Content.ReadAsStringAsync());
        Assert.Contains("Iemand anders (Beheerder " + Organisation + ") heeft dit project", body, StringComparison.Ordinal);
        Assert.Matches(@"heeft dit project op \d{2}-\d{2}-\d{4} om \d{2}:\d{2} opgeslagen, als versie 2", body);
        Assert.Contains("name=\"deelnemers\" value=\"70\"", body, StringComparison.Ordinal);
        Assert.Contains("Toch opslaan als nieuwe versie", body, StringComparison.Ordinal);

        // "Toch opslaan" posts the same input on top of the newest revision: both saves stay in the history.
        var anyway = await SaveAsync(second, id, 2, [.. Plan.Where(f => f.Key != "deelnemers"), new("deelnemers", "70")]);
        Assert.Equal(HttpStatusCode.Redirect, anyway.StatusCode);
        var page = await Html(second.GetStringAsync($"/projecten/{id}"));
        Assert.Contains("Deelnemers: 90 → 70", page, StringComparison.Ordinal);
        Assert.Contains("Deelnemers: 80 → 90", page, StringComparison.Ordinal);
        Assert.Contains("Sanne de Vries", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_save_overtaken_between_its_check_and_its_write_is_refused_by_the_database_not_overwritten()
    {
        var client = await MemberAsync();
        var id = await CreateAsync(client, Plan);
        await using var slow = app.Services.CreateAsyncScope();
        var slowDb = slow.ServiceProvider.GetRequiredService<ImpactkaartDb>();
        // The slow save has read the project (revision 1) before the other save lands; its check then still sees
        // revision 1, so only the concurrency token on the UPDATE can stop it.
        var before = await slowDb.Projects.SingleAsync(p => p.Id == id);
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(client, id, 1, [.. Plan.Where(f => f.Key != "deelnemers"), new("deelnemers", "90")])).StatusCode);

        var member = await slowDb.Users.AsNoTracking().SingleAsync(m => m.OrganisationId == before.OrganisationId && m.DisplayName == "Beheerder " + Organisation);
        var request = new Impactkaart.Engine.Calculation.ProjectRequest { ReferenceProject = "budgetcoaching", Participants = "70", Cost = "90000" };
        var result = await slow.ServiceProvider.GetRequiredService<Impactkaart.Web.Features.Projects.ProjectStore>().SaveVersionAsync(member, id, 1, request);

        Assert.Equal(Impactkaart.Web.Features.Projects.SaveOutcome.Conflict, result.Outcome);
        Assert.Equal(2, result.Newest!.Number);
        var page = await Html(client.GetStringAsync($"/projecten/{id}"));
        Assert.Contains("Deelnemers: 80 → 90", page, StringComparison.Ordinal);
        Assert.DoesNotContain("→ 70", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_version_of_an_older_model_shows_what_a_recalculation_changes_and_recalculates_on_request()
    {
        var client = await MemberAsync();
        var id = await CreateAsync(client, Plan);
        await WriteOldVersionAsync(id, input => input);

        var page = await Html(client.GetStringAsync($"/projecten/{id}"));
        Assert.Contains("Dit plan is berekend met model 0.9.0; de Impactkaart rekent nu met model 2.0.0", page, StringComparison.Ordinal);
        Assert.Contains("€ 2,50", page, StringComparison.Ordinal);
        Assert.Contains("€ 1,90", page, StringComparison.Ordinal);
        Assert.Contains("Herberekenen met het huidige model", page, StringComparison.Ordinal);

        var recalculated = await WebApp.Post(client, Map, $"/projecten/{id}/opslaan", [new("herberekenen", "1"), new("revisie", "2")]);
        Assert.Equal(HttpStatusCode.Redirect, recalculated.StatusCode);
        page = await Html(client.GetStringAsync($"/projecten/{id}"));
        Assert.Contains("Herberekend met model 2.0.0 (was 0.9.0)", page, StringComparison.Ordinal);
        Assert.DoesNotContain("berekend met model 0.9.0;", page, StringComparison.Ordinal);
        // The project page shows the saved map's two views (before: one sentence "Elke geïnvesteerde euro levert € 1,90 op").
        Assert.Contains("Opbrengst in geld", WebApp.VisibleText(page), StringComparison.Ordinal);
        Assert.Contains("€ 1,90 per geïnvesteerde euro", WebApp.VisibleText(page), StringComparison.Ordinal);
        Assert.Contains("Maatschappelijke waarde", WebApp.VisibleText(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_version_the_current_model_no_longer_accepts_names_the_field_and_sends_the_user_to_the_wizard()
    {
        var client = await MemberAsync();
        var id = await CreateAsync(client, Plan);
        await WriteOldVersionAsync(id, input => input.Replace("\"budgetcoaching\"", "\"schuldhulp-oud\"", StringComparison.Ordinal));

        var page = await Html(client.GetStringAsync($"/projecten/{id}"));

        Assert.Contains("De opgeslagen invoer past niet meer bij het huidige model", page, StringComparison.Ordinal);
        Assert.Contains("referenceProject", page, StringComparison.Ordinal);
        Assert.Contains("schuldhulp-oud", page, StringComparison.Ordinal);
        Assert.Matches("href=\"/stap-1\\?[^\"]*project=" + id, page);
        Assert.DoesNotContain("Herberekenen met het huidige model", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deleted_project_and_its_versions_are_not_found_any_more()
    {
        var client = await MemberAsync();
        var id = await CreateAsync(client, Plan);

        var confirm = await Html(client.GetStringAsync($"/projecten/{id}/verwijderen"));
        Assert.Contains("Project 'Geld op orde' verwijderen?", confirm, StringComparison.Ordinal);
        var deleted = await WebApp.Post(client, Map, $"/projecten/{id}/verwijderen", []);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);

        foreach (var url in new[] { $"/projecten/{id}", $"/projecten/{id}/versies/1", $"/projecten/{id}/verwijderen" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await SaveAsync(client, id, 2, Plan)).StatusCode);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ImpactkaartDb>();
        Assert.Equal("project.deleted", (await db.AuditEntries.Where(a => a.Subject == "Geld op orde" && a.Action == "project.deleted").FirstAsync()).Action);
    }

    [Fact]
    public async Task Another_organisations_project_is_not_found_on_any_project_route()
    {
        var owner = await MemberAsync();
        var id = await CreateAsync(owner, Plan);
        var other = await app.RegisterAsync("Welzijn Ander", $"ander-{Guid.NewGuid():N}@example.nl");

        foreach (var url in new[] { $"/projecten/{id}", $"/projecten/{id}/versies/1", $"/projecten/{id}/verwijderen" })
        {
            var response = await other.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain("Geld op orde", await Html(response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await SaveAsync(other, id, 1, Plan)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await WebApp.Post(other, Map, $"/projecten/{id}/verwijderen", [])).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/projecten/{id}")).StatusCode);
    }

    [Fact]
    public async Task Saving_a_map_with_bad_input_names_the_field_and_keeps_the_values()
    {
        var client = await MemberAsync();

        var response = await WebApp.Post(client, Map, "/projecten/nieuw", [new("ref", "budgetcoaching"), new("naam", "Geld op orde"), new("deelnemers", "0"), new("kosten", "90000")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await Html(response.Content.ReadAsStringAsync());
        Assert.Contains("Deze kaart kan nog niet worden bewaard", body, StringComparison.Ordinal);
        Assert.Contains("deelnemers", body, StringComparison.Ordinal);
        Assert.Contains("href=\"/stap-2?", body, StringComparison.Ordinal);
        Assert.Contains("Geld op orde", body, StringComparison.Ordinal);
    }

    /// <summary>
    /// The admin of this class's organisation, registered once per app: sign-ups are rate-limited per address, and
    /// every test makes projects of its own.
    /// </summary>
    private Task<HttpClient> MemberAsync() =>
        Registered.GetValue(app, a => a.RegisterAsync(Organisation, $"beheer-{Guid.NewGuid():N}@example.nl"));

    /// <summary>A page as a user reads it (Razor writes €, → and quotes as character references).</summary>
    private static async Task<string> Html(Task<string> page) => WebUtility.HtmlDecode(await page);

    /// <summary>Saves the map as a new project and returns its id (from the redirect to its page).</summary>
    public static async Task<Guid> CreateAsync(HttpClient client, IEnumerable<KeyValuePair<string, string>> state)
    {
        var response = await WebApp.Post(client, Map, "/projecten/nieuw", state);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/projecten/", location, StringComparison.Ordinal);
        return Guid.Parse(location["/projecten/".Length..]);
    }

    public static Task<HttpResponseMessage> SaveAsync(HttpClient client, Guid id, int revision, IEnumerable<KeyValuePair<string, string>> state) =>
        WebApp.Post(client, Map, $"/projecten/{id}/opslaan",
            [.. state, new("project", id.ToString()), new("revisie", revision.ToString(System.Globalization.CultureInfo.InvariantCulture))]);

    /// <summary>Turns version 1 into one saved with model 0.9.0, with other figures, as an older Impactkaart would have left it.</summary>
    private async Task WriteOldVersionAsync(Guid id, Func<string, string> input)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ImpactkaartDb>();
        var version = await db.ProjectVersions.SingleAsync(v => v.ProjectId == id && v.Number == 1);
        version.ModelVersion = "0.9.0";
        version.Input = input(version.Input).Replace("\"2.0.0\"", "\"0.9.0\"", StringComparison.Ordinal);
        version.Ratio = 2.5;
        version.BenefitsCents = 22_500_000;
        version.HoursSaved = 1234;
        var project = await db.Projects.SingleAsync(p => p.Id == id);
        project.Revision = 2;
        await db.SaveChangesAsync();
    }

    /// <summary>The phase as the database column holds it, read past EF Core: the words the database has always kept.</summary>
    private static async Task<string?> StoredPhaseAsync(ImpactkaartDb db, Guid projectId)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT \"Id\", \"Phase\" FROM \"Projects\"";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                if (Guid.Parse(reader.GetValue(0).ToString()!) == projectId)
                {
                    return reader.GetString(1);
                }
            }
            return null;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}

public sealed class SqliteProjectTests(WebApp app) : ProjectTests(app), IClassFixture<WebApp>;

[Trait(Needs.Trait, Needs.Postgres)]
public sealed class PostgresProjectTests(PostgresWebApp app) : ProjectTests(app), IClassFixture<PostgresWebApp>;
