using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Impactkaart.Web.Tests;

/// <summary>The whole way from a map to a saved project through "log in to save this map": registering, or signing in.</summary>
[Collection(BrowserCollection.Name)]
[Trait(Needs.Trait, Needs.Browser)]
public sealed class AccountReturnBrowserTests(BrowserFixture app)
{
    private const string Map = ProjectTests.Map;

    [Fact]
    public async Task A_visitor_registers_from_a_map_confirms_from_the_email_and_saves_that_same_map()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync(Map);
        var ratio = await MoneyRatioAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Log in om deze kaart te bewaren" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Meld uw organisatie aan" }).ClickAsync();
        await Expect(page.GetByText("Uw kaart blijft bewaard")).ToBeVisibleAsync();
        await page.RegisterHereAsync(app.App, "Buurtkracht Browser", "Noor Bakker", $"noor-{Guid.NewGuid():N}@example.nl");

        await Expect(page).ToHaveURLAsync(new Regex("/projecten/nieuw\\?"));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Welkom bij de Impactkaart, Buurtkracht Browser.");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Deze kaart bewaren");
        Assert.Equal(ratio, await MoneyRatioAsync(page));
        await Expect(page.GetByLabel("Naam van het project")).ToHaveValueAsync("Geld op orde");
        await BrowserFixture.ScreenshotAsync(page, "save-this-map-welcome");
        await page.ExpectAxeCleanAsync("save this map");

        await page.GetByRole(AriaRole.Button, new() { Name = "Bewaar als project" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/projecten/[0-9a-f-]{36}$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Geld op orde");
        Assert.Equal(ratio, await MoneyRatioAsync(page));
        await Expect(page.GetByText("Welkom bij de Impactkaart")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_member_signs_in_from_a_map_and_saves_that_same_map()
    {
        var email = $"sanne-{Guid.NewGuid():N}@example.nl";
        await app.App.CreateAccountAsync("Wijkteam Browser", email);
        var page = await app.NewPageAsync();
        await page.GotoAsync(Map);
        var ratio = await MoneyRatioAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Log in om deze kaart te bewaren" }).ClickAsync();
        await page.GetByLabel("E-mailadres").FillAsync(email);
        await page.GetByLabel("Wachtwoord", new() { Exact = true }).FillAsync(AccountTestSupport.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/projecten/nieuw\\?"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Deze kaart bewaren");
        Assert.Equal(ratio, await MoneyRatioAsync(page));
        await page.GetByRole(AriaRole.Button, new() { Name = "Bewaar als project" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/projecten/[0-9a-f-]{36}$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Geld op orde");
        Assert.Equal(ratio, await MoneyRatioAsync(page));
    }

    /// <summary>The money view's large figure ("€ 1,90") once the page shows it.</summary>
    private static async Task<string> MoneyRatioAsync(IPage page)
    {
        var figure = page.Locator(".view-number").First;
        await Expect(figure).ToBeVisibleAsync();
        return await figure.InnerTextAsync();
    }
}
