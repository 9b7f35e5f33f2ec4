using System.Net;
using static Impactkaart.Web.Tests.AccountTestSupport;

namespace Impactkaart.Web.Tests;

/// <summary>
/// Signing in or registering never loses where the visitor was: from a map they land on "save this map" with that
/// map, from another page back on that page; a new organisation is welcomed once, with what to do next.
/// </summary>
public sealed class AccountReturnTests(WebApp app) : IClassFixture<WebApp>
{
    private const string Map = ProjectTests.Map;

    [Fact]
    public async Task Signing_in_from_a_map_lands_on_save_this_map_with_that_map_and_saves_it_with_one_click()
    {
        var email = $"kaart-{Guid.NewGuid():N}@voorbeeld.nl";
        await app.CreateAccountAsync("Wijkkracht", email);
        var client = app.Client();
        var map = await client.TextAsync(Map);
        var mapRatio = MoneyRatio(map);

        var signInPage = await client.TextAsync(Html.Link(map, "Log in om deze kaart te bewaren"));
        Assert.Contains("Log in om uw kaart te bewaren.", signInPage, StringComparison.Ordinal);
        var signedIn = await HtmlForm.WithButton(signInPage, "Inloggen").With("email", email).With("wachtwoord", Password).SubmitAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var landing = signedIn.Headers.Location!.OriginalString;
        Assert.StartsWith("/projecten/nieuw?", landing, StringComparison.Ordinal);
        var savePage = await client.TextAsync(landing);
        Assert.Contains("<h1>Deze kaart bewaren</h1>", savePage, StringComparison.Ordinal);
        Assert.Equal(mapRatio, MoneyRatio(savePage));
        // Signing in is not registering: no welcome.
        Assert.DoesNotContain("Welkom bij de Impactkaart", savePage, StringComparison.Ordinal);

        var project = await SaveAsync(client, savePage);
        Assert.Contains("<h1>Geld op orde</h1>", project, StringComparison.Ordinal);
        Assert.Equal(mapRatio, MoneyRatio(project));
    }

    [Fact]
    public async Task Registering_from_a_map_lands_on_save_this_map_with_that_map_and_a_welcome_shown_once()
    {
        var email = $"nieuw-{Guid.NewGuid():N}@voorbeeld.nl";
        var client = app.Client();
        var map = await client.TextAsync(Map);
        var signInPage = await client.TextAsync(Html.Link(map, "Log in om deze kaart te bewaren"));
        var registerPage = await client.TextAsync(Html.Link(signInPage, "Meld uw organisatie aan"));
        Assert.Contains("Uw kaart blijft bewaard", registerPage, StringComparison.Ordinal);

        var registered = await HtmlForm.WithButton(registerPage, "Aanmelden")
            .With("organisatie", "Buurtwerk Noord").With("naam", "Ria de Vries").With("email", email)
            .With("wachtwoord", Password).With("herhaal", Password).SubmitAsync(client);
        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        var confirmed = await ConfirmAsync(client, LinkIn(app.LatestMailTo(email), "/registreren/bevestigen/"));

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var landing = confirmed.Headers.Location!.OriginalString;
        Assert.StartsWith("/projecten/nieuw?", landing, StringComparison.Ordinal);
        var savePage = await client.TextAsync(landing);
        Assert.Contains("<h1>Deze kaart bewaren</h1>", savePage, StringComparison.Ordinal);
        var text = WebApp.VisibleText(savePage);
        Assert.Contains("Welkom bij de Impactkaart, Buurtwerk Noord.", text, StringComparison.Ordinal);
        Assert.Contains("Bewaar nu uw kaart", text, StringComparison.Ordinal);
        Assert.Equal(MoneyRatio(map), MoneyRatio(savePage));
        Assert.DoesNotContain("Welkom bij de Impactkaart", await client.TextAsync(landing), StringComparison.Ordinal);

        var project = await SaveAsync(client, savePage);
        Assert.Equal(MoneyRatio(map), MoneyRatio(project));
    }

    [Fact]
    public async Task Registering_without_a_map_welcomes_on_the_projects_page_with_what_to_do_next_once()
    {
        var client = app.Client();

        await RegisterAndConfirmAsync(client, app.MailFolder, "Stichting Eerste Stap", $"eerste-{Guid.NewGuid():N}@voorbeeld.nl");

        var projects = await client.TextAsync("/projecten");
        var text = WebApp.VisibleText(projects);
        Assert.Contains("Welkom bij de Impactkaart, Stichting Eerste Stap.", text, StringComparison.Ordinal);
        Assert.Equal("/stap-1", Html.Link(projects, "Maak uw eerste kaart"));
        Assert.Equal("/organisatie", Html.Link(projects, "Nodig collega's uit"));
        Assert.DoesNotContain("Bewaar nu uw kaart", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Welkom bij de Impactkaart", await client.TextAsync("/projecten"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_welcome_speaks_english_to_an_english_visitor()
    {
        var client = app.Client();
        await RegisterAndConfirmAsync(client, app.MailFolder, "Neighbourhood Team", $"english-{Guid.NewGuid():N}@voorbeeld.nl");

        // Switching the language on the way does not use the welcome up.
        await client.GetAsync("/taal/en?terug=%2Fprojecten");

        var text = WebApp.VisibleText(await client.GetStringAsync("/projecten"));
        Assert.Contains("Welcome to the Impactkaart, Neighbourhood Team.", text, StringComparison.Ordinal);
        Assert.Contains("Make your first map", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_menus_sign_in_link_returns_to_the_page_the_visitor_is_on_but_not_to_the_start_or_an_account_page()
    {
        var client = app.Client();
        (string Page, string SignInLink)[] cases =
        [
            ("/verantwoording", "/inloggen?terug=%2Fverantwoording"),
            ("/stap-2?ref=budgetcoaching&maanden=12", "/inloggen?terug=%2Fstap-2%3Fref%3Dbudgetcoaching%26maanden%3D12"),
            ("/", "/inloggen"),
            ("/wachtwoord-vergeten", "/inloggen"),
        ];

        foreach (var (page, signInLink) in cases)
        {
            Assert.Equal((page, signInLink), (page, Html.Link(await client.TextAsync(page), "Inloggen")));
        }
    }

    [Fact]
    public async Task Signing_in_from_a_wizard_step_lands_back_on_that_step_with_its_answers()
    {
        var email = $"stap-{Guid.NewGuid():N}@voorbeeld.nl";
        await app.CreateAccountAsync("Stap Voor Stap", email);
        var client = app.Client();
        var step = await client.TextAsync("/stap-2?ref=budgetcoaching&deelnemers=80");

        var signInPage = await client.TextAsync(Html.Link(step, "Inloggen"));
        var signedIn = await HtmlForm.WithButton(signInPage, "Inloggen").With("email", email).With("wachtwoord", Password).SubmitAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var back = await client.TextAsync(signedIn.Headers.Location!.OriginalString);
        Assert.Equal("80", HtmlForm.WithButton(back, "Volgende stap")["deelnemers"]);
        Assert.Contains("Beheerder Stap Voor Stap", back, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_keeps_the_email_and_the_way_back_to_the_map_also_through_register()
    {
        var client = app.Client();
        var map = await client.TextAsync(Map);
        var signInPage = await client.TextAsync(Html.Link(map, "Log in om deze kaart te bewaren"));
        var form = HtmlForm.WithButton(signInPage, "Inloggen");

        var refused = await form.With("email", "ria@voorbeeld.nl").With("wachtwoord", "niet het goede wachtwoord").SubmitAsync(client);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var again = await refused.TextAsync();
        var retry = HtmlForm.WithButton(again, "Inloggen");
        Assert.Equal("ria@voorbeeld.nl", retry["email"]);
        Assert.Equal(form["terug"], retry["terug"]);
        Assert.StartsWith("/projecten/nieuw?", retry["terug"], StringComparison.Ordinal);
        Assert.Equal("/registreren?terug=" + Uri.EscapeDataString(form["terug"]!), Html.Link(again, "Meld uw organisatie aan"));
    }

    [Fact]
    public async Task Save_this_map_without_a_map_goes_to_the_first_step_and_with_an_incomplete_one_to_the_map_that_says_what_is_missing()
    {
        var client = await app.RegisterAsync("Halve Kaart", $"half-{Guid.NewGuid():N}@voorbeeld.nl");

        var empty = await client.GetAsync("/projecten/nieuw");
        var incomplete = await client.GetAsync("/projecten/nieuw?ref=budgetcoaching&deelnemers=80");

        Assert.Equal(HttpStatusCode.Redirect, empty.StatusCode);
        Assert.Equal("/stap-1", empty.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, incomplete.StatusCode);
        Assert.StartsWith("/kaart?", incomplete.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    /// <summary>The money view's large figure ("€ 1,90"), as the map, "save this map" and the project page show it.</summary>
    private static string MoneyRatio(string html) =>
        Html.Text(Html.ByClass(html, "view-number") ?? throw new InvalidOperationException("No ratio on the page: " + WebApp.VisibleText(html)));

    /// <summary>Presses "Bewaar als project" and returns the project page it leads to.</summary>
    private static async Task<string> SaveAsync(HttpClient client, string savePage)
    {
        var saved = await HtmlForm.WithButton(savePage, "Bewaar als project").SubmitAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Matches("^/projecten/[0-9a-f-]{36}$", saved.Headers.Location!.OriginalString);
        return await client.TextAsync(saved.Headers.Location!.OriginalString);
    }
}
