using System.Net;
using Impactkaart.Engine;
using Impactkaart.Engine.Model;
using Microsoft.Extensions.DependencyInjection;

namespace Impactkaart.Web.Tests;

/// <summary>
/// The wizard and its reference project: step 3 says what the reference project is, choosing another one keeps the
/// answers that still apply and names the ones emptied, and step 1's messages name projects as the page shows them.
/// </summary>
public sealed class WizardReferenceTests(WebApp app) : IClassFixture<WebApp>
{
    private const string Budgetcoaching = "ref=budgetcoaching&deelnemers=80&kosten=90000";

    private readonly HttpClient client = app.Client();

    private ImpactModel Model => app.Services.GetRequiredService<ImpactModel>();

    [Theory]
    [InlineData(Language.Nl, "", "deelnemers", "per deelnemer")]
    [InlineData(Language.En, "&taal=en", "participants", "per participant")]
    public async Task Step_3_says_what_the_reference_project_does_how_intensive_for_whom_and_its_usual_size_and_cost(Language language, string taal, string participants, string perParticipant)
    {
        var project = Model.FindReferenceProject("budgetcoaching")!;

        var html = await client.GetStringAsync("/stap-3?" + Budgetcoaching + taal);
        var text = WebApp.VisibleText(html);

        Assert.Contains(project.Summary[language], text, StringComparison.Ordinal);
        Assert.Contains(project.Intensity[language], text, StringComparison.Ordinal);
        Assert.Contains(project.TargetGroup[language], text, StringComparison.Ordinal);
        Assert.Contains($"{project.TypicalParticipants} {participants}", text, StringComparison.Ordinal);
        Assert.Contains(new Impactkaart.Reports.Formats(language).MoneyWhole(project.TypicalCostPerParticipant.Central) + " " + perParticipant, text, StringComparison.Ordinal);
        Assert.Contains("href=\"/verantwoording#project-budgetcoaching\"", html, StringComparison.Ordinal);
        // The anchor exists on the methodology page.
        Assert.Contains("id=\"project-budgetcoaching\"", await client.GetStringAsync("/verantwoording"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_reference_project_keeps_the_answers_it_also_asks_and_names_the_emptied_ones_on_the_next_page()
    {
        // From activation to budget coaching: both ask about the intensity; only activation asks where the project
        // leads. A measured outcome budget coaching also has stays; one only activation has goes.
        var response = await WebApp.Post(client, "/stap-1", "/stap-1",
        [
            new("vorige-ref", "activering"), new("ref", "budgetcoaching"), new("fase", "evaluatie"), new("deelnemers", "80"), new("kosten", "90000"),
            new("a.intensiteit", "meer"), new("a.richting", "vooral-betaald-werk"), new("m.kortere-bijstand", "1"), new("m.uitstroom-bijstand", "2"),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var next = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/stap-2?", next, StringComparison.Ordinal);
        Assert.Contains("a.intensiteit=meer", next, StringComparison.Ordinal);
        Assert.Contains("m.kortere-bijstand=1", next, StringComparison.Ordinal);
        Assert.DoesNotContain("a.richting=", next, StringComparison.Ordinal);
        Assert.DoesNotContain("m.uitstroom-bijstand=", next, StringComparison.Ordinal);

        var dutch = WebApp.VisibleText(await client.GetStringAsync(next));
        Assert.Contains("U koos een ander referentieproject. Deze antwoorden golden alleen voor Activering vanuit de bijstand en zijn leeggemaakt: "
            + "‘Waar leidt het project vooral naartoe?’; ‘Eerder uit de bijstand naar werk’.", dutch, StringComparison.Ordinal);
        var english = WebApp.VisibleText(await client.GetStringAsync(next + "&taal=en"));
        Assert.Contains("You chose another reference project. These answers applied only to Activation from social assistance and have been emptied: "
            + "‘What does the project mainly lead to?’; ‘Leaving social assistance for work sooner’.", english, StringComparison.Ordinal);

        // Step 3 of the new reference project still has the kept answer chosen.
        var step3 = await client.GetStringAsync(next.Replace("/stap-2?", "/stap-3?", StringComparison.Ordinal));
        Assert.Matches("id=\"a.intensiteit-meer\"[^>]*checked", step3);
    }

    [Fact]
    public async Task Another_reference_project_that_asks_every_answered_question_too_keeps_them_all_and_says_nothing()
    {
        var response = await WebApp.Post(client, "/stap-1", "/stap-1",
            [new("vorige-ref", "thuisadministratie"), new("ref", "budgetcoaching"), new("a.intensiteit", "meer"), new("a.doelgroep-zwaarte", "zwaarder")]);

        var next = response.Headers.Location!.OriginalString;
        Assert.Contains("a.intensiteit=meer", next, StringComparison.Ordinal);
        Assert.Contains("a.doelgroep-zwaarte=zwaarder", next, StringComparison.Ordinal);
        var html = await client.GetStringAsync(next);
        Assert.DoesNotContain("referentie-gewijzigd", html, StringComparison.Ordinal);
        Assert.DoesNotContain("ander referentieproject", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "Mogelijk zijn: Buurtbemiddeling, Huisbezoeken aan ouderen, Maatjesproject")]
    [InlineData("?taal=en", "Possible are: Neighbourhood mediation, Home visits to older people, Buddy project")]
    public async Task An_unknown_reference_project_in_step_1_is_explained_with_the_names_the_page_shows(string taal, string names)
    {
        var response = await WebApp.Post(client, "/stap-1" + taal, "/stap-1" + taal, [new("ref", "bestaat-niet")]);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = System.Text.RegularExpressions.Regex.Match(html, "id=\"ref-fout\">([^<]*)<").Groups[1].Value;
        Assert.Contains(names, message, StringComparison.Ordinal);
        foreach (var id in Model.ReferenceProjects.Select(p => p.Id).Where(id => id.Contains('-', StringComparison.Ordinal)))
        {
            Assert.DoesNotContain(id, message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_name_of_2000_characters_is_kept_cut_to_200_and_the_message_says_how_long_it_was()
    {
        var name = string.Concat(Enumerable.Repeat("Budgetcoaching Noord ", 100));
        var response = await WebApp.Post(client, "/stap-1", "/stap-1", [new("ref", "budgetcoaching"), new("naam", name), new("maanden", "9")]);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Naam: u gaf 2.100 tekens; er passen er 200. In het veld staan nu de eerste 200: kijk of het zo goed is.", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{name[..200]}\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"9\"", html, StringComparison.Ordinal);
        Assert.Matches("id=\"ref-budgetcoaching\"[^>]*checked", html);

        var english = WebUtility.HtmlDecode(await (await WebApp.Post(client, "/stap-1?taal=en", "/stap-1?taal=en", [new("ref", "budgetcoaching"), new("naam", name)])).Content.ReadAsStringAsync());
        Assert.Contains("Name: you gave 2,100 characters; 200 fit. The field now holds the first 200: check whether that is right.", english, StringComparison.Ordinal);

        // Sent again as it now stands, the name fits and the wizard goes on.
        var again = await WebApp.Post(client, "/stap-1", "/stap-1", [new("ref", "budgetcoaching"), new("naam", name[..200]), new("maanden", "9")]);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
    }
}
