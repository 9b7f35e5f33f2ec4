using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Impactkaart.Web.Tests;

/// <summary>
/// In a real browser: a member filters and sorts the portfolio, makes a share link for a funder, the funder opens
/// it without an account, and after the member revokes it the funder is told to ask for a new one. axe on every page.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait(Needs.Trait, Needs.Browser)]
public sealed class ShareBrowserTests(BrowserFixture app)
{
    [Fact]
    public async Task A_member_filters_the_portfolio_shares_a_map_with_a_funder_and_revokes_the_link()
    {
        var email = $"anouk-{Guid.NewGuid():N}@example.nl";
        var page = await app.NewPageAsync();
        await page.RegisterAsync(app.App, "Welzijn Deelstad", "Anouk de Vries", email);
        await Expect(page.GetByText("Nog geen projecten. Maak een kaart en bewaar die als project.")).ToBeVisibleAsync();
        await Axe(page, "portfolio-leeg");

        await PortfolioProjects.AddManyAsync(app.App, email,
        [
            ("Geld op orde Noord", "budgetcoaching", 80, 90_000m, 2025, "plan"),
            ("Schuldhulp vroeg erbij", "vroegsignalering-schulden", 90, 60_000m, 2024, "evaluatie"),
            ("Samen sterker", "maatjesproject", 40, 30_000m, 2025, "plan"),
        ]);
        await page.GotoAsync("/projecten");
        await page.GetByLabel("Thema").SelectOptionAsync("Schuldproblematiek");
        await page.GetByRole(AriaRole.Button, new() { Name = "Toon" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/projecten\\?thema=schuldproblematiek"));
        await Expect(page.Locator("table.portfolio tbody tr")).ToHaveCountAsync(2);
        await page.GetByRole(AriaRole.Link, new() { Name = "Per euro" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("sorteer=opbrengst"));
        await Expect(page.Locator("th[aria-sort='ascending']")).ToHaveTextAsync("Per euro");
        await BrowserFixture.ScreenshotAsync(page, "portfolio-gefilterd");
        await Axe(page, "portfolio");

        await page.GetByRole(AriaRole.Link, new() { Name = "Geld op orde Noord" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Delen met een financier" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/projecten/[0-9a-f-]{36}/delen$"));
        await page.GetByLabel("Omschrijving (mag leeg)").FillAsync("Gemeente Deelstad");
        await page.GetByLabel("Geldig tot en met (mag leeg)").FillAsync("31-12-2099");
        await page.GetByRole(AriaRole.Button, new() { Name = "Link maken" }).ClickAsync();
        var link = await page.GetByLabel("Kopieer de link nu: hij wordt maar één keer getoond.").InputValueAsync();
        Assert.Matches("/gedeeld/[A-Za-z0-9_-]{43}$", link);
        await Expect(page.Locator("table tbody tr")).ToContainTextAsync("Gemeente Deelstad");
        await Expect(page.Locator("table tbody tr")).ToContainTextAsync("t/m 31-12-2099");
        await BrowserFixture.ScreenshotAsync(page, "delen");
        await page.SetViewportSizeAsync(390, 844);
        await BrowserFixture.ScreenshotAsync(page, "delen-390");
        await page.SetViewportSizeAsync(1280, 900);
        await Axe(page, "delen");

        var funder = await app.NewPageAsync();
        await funder.GotoAsync(link);
        await Expect(funder.Locator("h1")).ToHaveTextAsync("Impactkaart: Geld op orde Noord");
        await Expect(funder.Locator(".view-geld .view-ratio")).ToContainTextAsync("per geïnvesteerde euro");
        await Expect(funder.Locator(".view-samenleving .view-ratio")).ToContainTextAsync("per geïnvesteerde euro");
        await Expect(funder.Locator("form")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(funder, "gedeeld");
        await Axe(funder, "gedeeld");

        await page.GetByRole(AriaRole.Button, new() { Name = "Intrekken Gemeente Deelstad" }).ClickAsync();
        await Expect(page.Locator("table tbody tr")).ToContainTextAsync("ingetrokken");
        await funder.ReloadAsync();
        await Expect(funder.Locator("h1")).ToHaveTextAsync("Deze link werkt niet meer");
        await Expect(funder.GetByText("Vraag de organisatie die de link stuurde om een nieuwe link.")).ToBeVisibleAsync();
        await Axe(funder, "gedeeld-ingetrokken");
    }

    private static async Task Axe(IPage page, string name)
    {
        await page.ExpectAxeCleanAsync(name);
    }
}
