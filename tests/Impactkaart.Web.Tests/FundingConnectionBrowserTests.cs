using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Impactkaart.Web.Tests;

/// <summary>
/// In a real browser, at 1280 and 390 px, in Dutch and English, axe clean: a provider finds a funder by name and
/// connects two projects to it, the funder's admin accepts the provider, the provider sees its projects visible to
/// the funder and then ends one connection.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait(Needs.Trait, Needs.Browser)]
public sealed class FundingConnectionBrowserTests(BrowserFixture app)
{
    [Fact]
    public async Task A_provider_connects_two_projects_the_funder_accepts_and_the_provider_ends_one_connection()
    {
        var funder = await app.App.FunderAsync("Gemeente Koppelstad", $"beheer-{Guid.NewGuid():N}@koppelstad.nl");
        var provider = await app.App.OrganisationAsync("Welzijn Koppelt", funder: false);
        var coaching = await app.App.ProjectAsync(provider, FundingTestSupport.BudgetCoaching());
        var visits = await app.App.ProjectAsync(provider, FundingTestSupport.HomeVisits());

        var page = await app.NewPageAsync();
        await SignInAsync(page, provider.Email!);
        await page.GotoAsync($"/projecten/{coaching}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Koppelen aan een financier" }).ClickAsync();
        await page.GetByLabel("Naam van de financier").FillAsync("koppelstad");
        await page.GetByRole(AriaRole.Button, new() { Name = "Zoeken" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/financiers\\?zoek=koppelstad$"));
        await page.GetByLabel("Gemeente Koppelstad · koppelstad.nl").CheckAsync();
        await page.GetByLabel("Regeling", new() { Exact = true }).FillAsync("Welzijn 2026");
        await page.GetByLabel("Wijken (mag leeg)").FillAsync("Noord\nOost");
        await CheckAsync(page, "financiers-zoeken");
        await page.GetByRole(AriaRole.Button, new() { Name = "Koppelen", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Het project is gekoppeld.");
        await Expect(page.Locator("#koppelingen ~ ul.relations > li")).ToContainTextAsync("Noord, Oost");
        await Expect(page.Locator("#koppelingen ~ ul.relations > li")).ToContainTextAsync("Wacht op akkoord van de financier");
        await CheckAsync(page, "financiers-gekoppeld");

        await page.GotoAsync($"/projecten/{visits}/financiers");
        await page.GetByLabel("Naam van de financier").FillAsync("Koppel");
        await page.GetByRole(AriaRole.Button, new() { Name = "Zoeken" }).ClickAsync();
        await page.GetByLabel("Regeling", new() { Exact = true }).FillAsync("Ouderen 2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Koppelen", Exact = true }).ClickAsync();
        await Expect(page.Locator("#koppelingen ~ ul.relations > li")).ToContainTextAsync("Ouderen 2026");

        var funderPage = await app.NewPageAsync();
        await SignInAsync(funderPage, funder.Email!);
        await funderPage.GotoAsync("/financier/aanbieders");
        var request = funderPage.Locator("#verzoeken ~ ul.relations > li");
        await Expect(request).ToContainTextAsync("Welzijn Koppelt");
        await Expect(request).ToContainTextAsync("Budgetcoaching Noord · regeling Welzijn 2026 · wijken Noord, Oost");
        await Expect(request).ToContainTextAsync("Huisbezoek 75+ Oost · regeling Ouderen 2026");
        await CheckAsync(funderPage, "aanbieders-verzoek");
        await funderPage.GetByRole(AriaRole.Button, new() { Name = "Accepteren" }).ClickAsync();
        await Expect(funderPage.GetByRole(AriaRole.Status)).ToContainTextAsync("De aanbieder is geaccepteerd.");
        await Expect(funderPage.Locator("#geaccepteerd ~ ul.relations > li")).ToContainTextAsync("Welzijn Koppelt");
        await CheckAsync(funderPage, "aanbieders-geaccepteerd");

        await page.GotoAsync($"/projecten/{coaching}");
        await Expect(page.Locator("section[aria-labelledby=financiers]")).ToContainTextAsync("zichtbaar voor de financier sinds");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Resultaatafspraken" })).ToHaveAttributeAsync("href", $"/projecten/{coaching}/afspraken");
        await page.GetByRole(AriaRole.Link, new() { Name = "Koppelen aan een financier" }).ClickAsync();
        await Expect(page.Locator("#koppelingen ~ ul.relations > li")).ToContainTextAsync("Zichtbaar voor de financier sinds");
        await page.GetByText("Ontkoppelen…").ClickAsync();
        await Expect(page.GetByText("Gemeente Koppelstad ziet de kaart van dit project dan niet meer")).ToBeVisibleAsync();
        await CheckAsync(page, "financiers-ontkoppelen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ja, ontkoppel van Gemeente Koppelstad" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Het project is ontkoppeld.");
        await Expect(page.GetByText("Dit project is nog aan geen financier gekoppeld.")).ToBeVisibleAsync();
        Assert.Equal(visits, Assert.Single(await app.App.FunderRowsAsync(funder)).ProjectId);

        // The same pages in English.
        await page.GotoAsync("/taal/en?terug=" + Uri.EscapeDataString($"/projecten/{visits}/financiers?zoek=koppelstad"));
        await Expect(page.Locator("#koppelingen ~ ul.relations > li")).ToContainTextAsync("Visible to the funder since");
        await Expect(page.GetByLabel("Gemeente Koppelstad · koppelstad.nl")).ToBeCheckedAsync();
        await CheckAsync(page, "financiers-en");
        await page.GotoAsync("/organisatie");
        await Expect(page.Locator("section[aria-labelledby=financiers] ul.relations > li")).ToContainTextAsync("Accepted on");
        await CheckAsync(page, "organisatie-financiers-en");
        await funderPage.GotoAsync("/taal/en?terug=%2Ffinancier%2Faanbieders");
        await Expect(funderPage.Locator("h1")).ToHaveTextAsync("Providers");
        await Expect(funderPage.Locator("#geaccepteerd ~ ul.relations > li")).ToContainTextAsync("Welzijn Koppelt");
        await CheckAsync(funderPage, "aanbieders-en");
    }

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/inloggen");
        await page.GetByLabel("E-mailadres").FillAsync(email);
        await page.GetByLabel("Wachtwoord").FillAsync(AccountTestSupport.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await Expect(page).Not.ToHaveURLAsync(new Regex("/inloggen"));
    }

    /// <summary>axe and no sideways scrolling at 1280 px and on a 390 px phone, with a screenshot of each when asked for.</summary>
    private static async Task CheckAsync(IPage page, string name)
    {
        await page.ExpectAxeCleanAsync(name);
        await page.ExpectNoSidewaysScrollingAsync(name);
        await BrowserFixture.ScreenshotAsync(page, name);
        await page.SetViewportSizeAsync(390, 844);
        await page.ExpectNoSidewaysScrollingAsync(name + " at 390 px");
        await page.ExpectAxeCleanAsync(name + " at 390 px");
        await BrowserFixture.ScreenshotAsync(page, name + "-390");
        await page.SetViewportSizeAsync(1280, 900);
    }
}
