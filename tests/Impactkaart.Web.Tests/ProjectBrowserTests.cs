using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Impactkaart.Web.Tests;

/// <summary>A member saves a map as a project, later makes the evaluation through the wizard and saves it as a new version.</summary>
[Collection(BrowserCollection.Name)]
[Trait(Needs.Trait, Needs.Browser)]
public sealed class ProjectBrowserTests(BrowserFixture app)
{
    [Fact]
    public async Task A_member_saves_a_plan_then_walks_the_evaluation_and_sees_both_side_by_side()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/kaart?ref=budgetcoaching&deelnemers=80&kosten=90000&naam=Geld%20op%20orde");
        await page.GetByRole(AriaRole.Link, new() { Name = "Log in om deze kaart te bewaren" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/inloggen\\?terug="));
        await page.RegisterAsync(app.App, "Welzijn Browser", "Fatima el Amrani", $"fatima-{Guid.NewGuid():N}@example.nl");
        await Expect(page.GetByText("Fatima el Amrani").First).ToBeVisibleAsync();

        await page.GotoAsync("/kaart?ref=budgetcoaching&deelnemers=80&kosten=90000&naam=Geld%20op%20orde");
        await Expect(page.GetByLabel("Naam van het project")).ToHaveValueAsync("Geld op orde");
        await page.GetByRole(AriaRole.Button, new() { Name = "Bewaar als project" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/projecten/[0-9a-f-]{36}$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Geld op orde");
        await Expect(page.GetByText("Eerste versie")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "project-plan");

        await page.GetByRole(AriaRole.Link, new() { Name = "Evaluatie maken" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/stap-1\\?"));
        await Expect(page.Locator("#fase-evaluatie")).ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Volgende stap" }).ClickAsync();
        await page.GetByLabel("Aantal deelnemers").FillAsync("65");
        await page.GetByLabel("Totale kosten (euro)").FillAsync("82000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Volgende stap" }).ClickAsync();
        await page.Locator("[name='m.voorkomen-huisuitzetting']").FillAsync("0,03");
        await page.GetByRole(AriaRole.Button, new() { Name = "Toon de Impactkaart" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/kaart\\?.*project="));

        await page.GetByRole(AriaRole.Button, new() { Name = "Bewaar als nieuwe versie" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/projecten/[0-9a-f-]{36}$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Plan en evaluatie naast elkaar" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Er deden 15 deelnemers minder mee dan gepland")).ToBeVisibleAsync();
        await Expect(page.GetByText("De kosten waren € 8.000 lager dan gepland.")).ToBeVisibleAsync();
        await Expect(page.GetByText(new Regex("^Gemeten in plaats van aangenomen: "))).ToBeVisibleAsync();
        await Expect(page.Locator("table").Last.Locator("tbody tr")).ToHaveCountAsync(2);
        await BrowserFixture.ScreenshotAsync(page, "project-plan-en-evaluatie");
        await page.ExpectAxeCleanAsync("project");
    }
}
