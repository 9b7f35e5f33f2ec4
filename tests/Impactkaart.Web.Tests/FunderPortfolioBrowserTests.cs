using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Impactkaart.Web.Tests;

/// <summary>
/// In a real browser, in Dutch and English, 1280 and 390 px wide: a funder signs in, reads its portfolio, narrows it
/// with the filter form (no script needed), opens a connected project's map and goes back. axe on every page, and
/// no page scrolls sideways on a phone (the wide tables scroll in their own box).
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait(Needs.Trait, Needs.Browser)]
public sealed class FunderPortfolioBrowserTests(BrowserFixture app)
{
    [Theory]
    [InlineData("nl")]
    [InlineData("en")]
    public async Task A_funder_reads_its_portfolio_filters_it_and_opens_a_connected_projects_map(string language)
    {
        var english = language == "en";
        var funder = await app.App.OrganisationAsync("Gemeente Kijkstad " + language, funder: true);
        var provider = await app.App.OrganisationAsync("Welzijn Kijkstad " + language, funder: false);
        var other = await app.App.OrganisationAsync("Stichting Omzien " + language, funder: false);
        await app.App.ConnectAsync(provider, await app.App.ProjectAsync(provider, FundingTestSupport.BudgetCoaching()), funder, "Subsidieregeling Welzijn 2026", "Noord; Oost");
        await app.App.ConnectAsync(provider, await app.App.ProjectAsync(provider, FundingTestSupport.HomeVisits()), funder, "Ouderen 2026", "Oost");
        await app.App.ConnectAsync(other, await app.App.ProjectAsync(other, FundingTestSupport.BudgetCoaching("Geldzaken op orde Zuid")), funder, "Subsidieregeling Welzijn 2026", "Zuid");

        var page = await app.NewPageAsync();
        await page.Context.AddCookiesAsync([new Cookie { Name = "taal", Value = language, Url = app.BaseUrl }]);
        await page.GotoAsync("/inloggen?terug=%2Ffinancier");
        await page.GetByLabel(english ? "Email address" : "E-mailadres").FillAsync(funder.Email!);
        await page.GetByLabel(english ? "Password" : "Wachtwoord").FillAsync(AccountTestSupport.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = english ? "Sign in" : "Inloggen" }).ClickAsync();
        await page.GotoAsync("/financier");

        await Expect(page.Locator("h1")).ToHaveTextAsync(english ? "Funder: connected projects" : "Financier: gekoppelde projecten");
        await Expect(page.Locator("[data-figure=invested]")).ToHaveTextAsync(english ? "€217,000" : "€ 217.000");
        await Expect(page.Locator("[data-spread=geld] th")).ToHaveTextAsync(english ? "Money returned" : "Opbrengst in geld");
        await Expect(page.Locator("[data-payer]").First).ToHaveAttributeAsync("data-payer", "gemeente");
        await Expect(page.Locator("table.funder-projects tbody tr")).ToHaveCountAsync(3);
        await Checks(page, $"financier-{language}");

        await page.GetByLabel(english ? "Provider" : "Aanbieder", new() { Exact = true }).SelectOptionAsync("Welzijn Kijkstad " + language);
        await page.GetByLabel(english ? "Neighbourhood" : "Wijk", new() { Exact = true }).SelectOptionAsync("Oost");
        await page.GetByRole(AriaRole.Button, new() { Name = english ? "Show" : "Toon" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/financier\\?aanbieder=[0-9a-f-]{36}&thema=&regeling=&wijk=Oost&jaar=&fase=$"));
        await Expect(page.Locator("table.funder-projects tbody tr")).ToHaveCountAsync(2);
        await Expect(page.Locator("[data-figure=invested]")).ToHaveTextAsync(english ? "€127,000" : "€ 127.000");
        await Expect(page.Locator("[data-sector=verpleging-verzorging] td").First).ToHaveTextAsync(english ? "Nursing, care and home care" : "Verpleging, verzorging en thuiszorg");

        await page.GetByRole(AriaRole.Link, new() { Name = "Huisbezoek 75+ Oost" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/financier/projecten/[0-9a-f-]{36}$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync((english ? "Impact map" : "Impactkaart") + ": Huisbezoek 75+ Oost");
        await Expect(page.Locator("[data-funding]")).ToContainTextAsync("Welzijn Kijkstad " + language);
        await Expect(page.Locator("[data-funding]")).ToContainTextAsync("Ouderen 2026");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = english ? "Result agreements" : "Resultaatafspraken" })).ToHaveAttributeAsync("href", new Regex("/financier/projecten/[0-9a-f-]{36}/afspraken$"));
        await Expect(page.Locator("main form")).ToHaveCountAsync(0);
        await Checks(page, $"financier-project-{language}");

        await page.GetByRole(AriaRole.Link, new() { Name = english ? "Back to the connected projects" : "Terug naar de gekoppelde projecten" }).ClickAsync();
        await Expect(page.Locator("table.funder-projects tbody tr")).ToHaveCountAsync(3);
    }

    /// <summary>axe and no sideways scrolling at 1280 and at 390 px, with a screenshot of each when asked for.</summary>
    private static async Task Checks(IPage page, string name)
    {
        await BrowserFixture.ScreenshotAsync(page, "1280-" + name);
        await page.ExpectAxeCleanAsync(name + " at 1280 px");
        await page.SetViewportSizeAsync(390, 844);
        await BrowserFixture.ScreenshotAsync(page, "390-" + name);
        await page.ExpectNoSidewaysScrollingAsync(name + " at 390 px");
        await page.ExpectAxeCleanAsync(name + " at 390 px");
        await page.SetViewportSizeAsync(1280, 900);
    }
}
