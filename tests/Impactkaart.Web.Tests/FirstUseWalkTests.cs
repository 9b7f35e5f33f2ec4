using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Impactkaart.Web.Tests;

/// <summary>
/// A first-time user's whole way, in Dutch and English, on a laptop (1280 px) and a phone (390 px): the wizard with
/// its mistakes (messages in user words, an over-long name kept and explained), step 3 that shows the reference
/// project, the map and its downloads, "sign in to save this map" to registering (every problem at once), the
/// welcome on "save this map" with the same map, the saved project, a share link made once and the funder's view,
/// and the methodology. On every page: axe clean and no sideways scrolling; a screenshot of each with
/// IMPACTKAART_SCREENSHOTS=1 (artifacts/screenshots/walk-LANGUAGE-WIDTH-NN-PAGE.png).
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait(Needs.Trait, Needs.Browser)]
public sealed class FirstUseWalkTests(BrowserFixture app)
{
    public static TheoryData<string, int> Walks() => new() { { "nl", 1280 }, { "nl", 390 }, { "en", 1280 }, { "en", 390 } };

    [Theory]
    [MemberData(nameof(Walks))]
    public async Task A_new_user_makes_a_map_registers_from_it_saves_it_and_shares_it(string language, int width)
    {
        var walk = new Walk(await app.NewPageAsync(), language, width);
        var page = walk.Page;
        string T(string nl, string en) => language == "en" ? en : nl;
        await page.SetViewportSizeAsync(width, width < 600 ? 844 : 900);
        await page.Context.AddCookiesAsync([new Cookie { Name = "taal", Value = language, Url = app.BaseUrl }]);

        await page.GotoAsync("/");
        await walk.CheckAsync("start");

        // Step 1 with a first user's mistakes: no reference project, a date the other way round, a pasted essay as name.
        await page.GotoAsync("/stap-1");
        await page.GetByLabel(T("Startdatum (niet verplicht)", "Start date (optional)")).FillAsync("2026-31-12");
        await page.GetByLabel(T("Naam van het project (niet verplicht)", "Name of the project (optional)")).FillAsync(new string('x', 2_100));
        await page.GetByRole(AriaRole.Button, new() { Name = T("Volgende stap", "Next step") }).ClickAsync();
        var summary = page.Locator(".error-summary");
        await Expect(summary).ToBeVisibleAsync();
        await Expect(summary).ToContainTextAsync(T("dag-maand-jaar", "day-month-year"));
        await Expect(summary).ToContainTextAsync(T("2.100 tekens", "2,100 characters"));
        Assert.DoesNotMatch("budgetcoaching|huisbezoek-ouderen|buurtbemiddeling", await summary.InnerTextAsync()); // names, never ids
        Assert.Equal(200, (await page.GetByLabel(T("Naam van het project (niet verplicht)", "Name of the project (optional)")).InputValueAsync()).Length);
        await walk.CheckAsync("stap-1-fouten");

        await page.GetByLabel(T("Naam van het project (niet verplicht)", "Name of the project (optional)")).FillAsync("Geld op orde");
        await page.GetByLabel(T("Startdatum (niet verplicht)", "Start date (optional)")).FillAsync("1-9-2026");
        await page.Locator("label[for='ref-budgetcoaching']").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = T("Volgende stap", "Next step") }).ClickAsync();

        await page.GetByLabel(T("Aantal deelnemers", "Number of participants")).FillAsync("80");
        await page.GetByLabel(T("Totale kosten (euro)", "Total costs (euro)")).FillAsync("90.000");
        await walk.CheckAsync("stap-2");
        await page.GetByRole(AriaRole.Button, new() { Name = T("Volgende stap", "Next step") }).ClickAsync();

        // Step 3 says what the reference project is before it asks how this project differs.
        await Expect(page.Locator("#referentie-titel")).ToHaveTextAsync(T("Wat doet het referentieproject?", "What does the reference project do?"));
        await Expect(page.GetByText(T("Voor wie:", "For whom:"))).ToBeVisibleAsync();
        await Expect(page.GetByText(T("Gebruikelijk:", "Typical:"))).ToBeVisibleAsync();
        await walk.CheckAsync("stap-3");
        await page.GetByRole(AriaRole.Button, new() { Name = T("Toon de Impactkaart", "Show the Impactkaart") }).ClickAsync();

        // The map: figures in one style, a range named as a range, and the files a funder keeps.
        var ratio = page.Locator(".view-number").First;
        await Expect(ratio).ToBeVisibleAsync();
        var shownRatio = await ratio.InnerTextAsync();
        var mapText = await page.Locator("main").InnerTextAsync();
        Assert.DoesNotContain("EUR", mapText, StringComparison.Ordinal);
        Assert.DoesNotMatch(language == "en" ? @"(?<![\d.,])1 participants" : @"(?<![\d.,])1 deelnemers", mapText);
        Assert.Contains(T("8 van de 10", "8 in 10"), mapText, StringComparison.Ordinal);
        Assert.DoesNotMatch("€ [-0-9]", await page.Locator(".keyfigures").InnerTextAsync()); // an amount never breaks after its euro sign
        await walk.CheckAsync("kaart");
        foreach (var (kind, magic) in new[] { ("pdf", "%PDF"), ("xlsx", "PK") })
        {
            var download = await page.RunAndWaitForDownloadAsync(() => page.Locator($"a[href^='/kaart/{kind}']").ClickAsync());
            var file = await download.PathAsync();
            var head = new byte[magic.Length];
            await using (var stream = File.OpenRead(file))
            {
                await stream.ReadExactlyAsync(head);
            }
            Assert.Equal(magic, System.Text.Encoding.ASCII.GetString(head));
        }

        // "Sign in to save this map", then register: every problem named at once, the map kept throughout.
        await page.GetByRole(AriaRole.Link, new() { Name = T("Log in om deze kaart te bewaren", "Sign in to save this map") }).ClickAsync();
        await walk.CheckAsync("inloggen");
        await page.GetByRole(AriaRole.Link, new() { Name = T("Meld uw organisatie aan", "Register your organisation") }).ClickAsync();
        await page.GetByLabel(T("E-mailadres", "Email address")).FillAsync("not-an-address");
        await page.GetByRole(AriaRole.Button, new() { Name = T("Aanmelden", "Register") }).ClickAsync();
        await Expect(page.Locator(".error-summary li")).ToHaveCountAsync(5); // organisation, name, email, password, repeat
        await Expect(page.GetByLabel(T("E-mailadres", "Email address"))).ToHaveValueAsync("not-an-address");
        await walk.CheckAsync("registreren-fouten");

        var email = $"walk-{language}-{width}-{Guid.NewGuid():N}@example.nl";
        await page.GetByLabel(T("Naam van de organisatie", "Name of the organisation")).FillAsync("Welzijn Wandelstad");
        await page.GetByLabel(T("Uw naam", "Your name")).FillAsync("Fatima El Amrani");
        await page.GetByLabel(T("E-mailadres", "Email address")).FillAsync(email);
        await page.GetByLabel(T("Wachtwoord", "Password"), new() { Exact = true }).FillAsync(AccountTestSupport.Password);
        await page.GetByLabel(T("Wachtwoord nog een keer", "Password again")).FillAsync(AccountTestSupport.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = T("Aanmelden", "Register") }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(email);
        await page.GotoAsync(AccountTestSupport.LinkIn(app.App.LatestMailTo(email), "/registreren/bevestigen/"));
        await walk.CheckAsync("bevestigen");
        await page.GetByRole(AriaRole.Button, new() { Name = T("Account afmaken en beginnen", "Finish account and start") }).ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync(T("Deze kaart bewaren", "Save this map"));
        await Expect(page.GetByText(T("Welkom bij de Impactkaart, Welzijn Wandelstad.", "Welcome to the Impactkaart, Welzijn Wandelstad."))).ToBeVisibleAsync();
        Assert.Equal(shownRatio, await page.Locator(".view-number").First.InnerTextAsync());
        await walk.CheckAsync("kaart-bewaren");
        await page.GetByRole(AriaRole.Button, new() { Name = T("Bewaar als project", "Save as a project") }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/projecten/[0-9a-f-]{36}$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Geld op orde");
        Assert.Equal(shownRatio, await page.Locator(".view-number").First.InnerTextAsync());
        await walk.CheckAsync("project");

        // A share link: shown once, in a field to copy from, and the form empty again.
        await page.GetByRole(AriaRole.Link, new() { Name = T("Delen met een financier", "Share with a funder") }).ClickAsync();
        await page.GetByLabel(T("Omschrijving (mag leeg)", "Description (optional)")).FillAsync("Gemeente Wandelstad");
        await page.GetByRole(AriaRole.Button, new() { Name = T("Link maken", "Make link") }).ClickAsync();
        var link = await page.GetByLabel(T("Kopieer de link nu: hij wordt maar één keer getoond.", "Copy the link now: it is shown only once.")).InputValueAsync();
        Assert.Matches("/gedeeld/[A-Za-z0-9_-]{43}$", link);
        Assert.DoesNotContain(link, await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal); // only in the field, not again as text
        await Expect(page.GetByLabel(T("Omschrijving (mag leeg)", "Description (optional)"))).ToHaveValueAsync("");
        await walk.CheckAsync("delen");

        var funder = new Walk(await app.NewPageAsync(), language, width, firstStep: 12);
        await funder.Page.SetViewportSizeAsync(width, width < 600 ? 844 : 900);
        await funder.Page.Context.AddCookiesAsync([new Cookie { Name = "taal", Value = language, Url = app.BaseUrl }]);
        await funder.Page.GotoAsync(link);
        Assert.Equal(shownRatio, await funder.Page.Locator(".view-number").First.InnerTextAsync());
        await funder.CheckAsync("gedeeld");

        await page.GotoAsync("/verantwoording");
        await walk.CheckAsync("verantwoording");
    }

    /// <summary>One person's pages, numbered in the order visited, each checked the same way.</summary>
    private sealed class Walk(IPage page, string language, int width, int firstStep = 0)
    {
        private int step = firstStep;

        public IPage Page => page;

        /// <summary>The page in the walk's language, axe clean, not wider than the screen; kept as a screenshot when asked.</summary>
        public async Task CheckAsync(string name)
        {
            step++;
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
            await page.ExpectNoSidewaysScrollingAsync($"{name} ({language}, {width} px)");
            await page.ExpectAxeCleanAsync($"{name} ({language}, {width} px)");
            await BrowserFixture.ScreenshotAsync(page, $"walk-{language}-{width}-{step:00}-{name}");
        }
    }
}
