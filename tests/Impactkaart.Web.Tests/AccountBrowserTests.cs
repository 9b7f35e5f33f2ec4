using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Impactkaart.Web.Tests;

/// <summary>The main account flow in a real Chromium: register, invite a colleague, the colleague joins, the admin removes them.</summary>
[Collection(BrowserCollection.Name)]
[Trait(Needs.Trait, Needs.Browser)]
public sealed class AccountBrowserTests(BrowserFixture app)
{
    [Fact]
    public async Task On_a_390_px_phone_the_signed_in_menu_wraps_between_items_and_every_item_stays_on_the_screen()
    {
        var page = await app.NewPageAsync();
        await page.RegisterAsync(app.App, "Stichting Smalscherm", "Alexandra van den Heuvel-Brinkman", "alexandra@smalscherm.nl");
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/verantwoording");

        var items = page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" }).Locator("li");
        Assert.True(await items.CountAsync() >= 6, "menu items signed in");
        for (var i = 0; i < await items.CountAsync(); i++)
        {
            var box = (await items.Nth(i).BoundingBoxAsync())!;
            var text = await items.Nth(i).InnerTextAsync();
            Assert.True(box.X >= 0 && box.X + box.Width <= 390, $"'{text}' runs from {box.X} to {box.X + box.Width} px");
            // One line per item: an item that wraps inside itself ("Nieuwe / kaart") is taller than one line.
            Assert.True(box.Height < 40, $"'{text}' is {box.Height} px high");
        }
        var header = (await page.Locator(".site-header").BoundingBoxAsync())!;
        Assert.True(header.Width <= 390, $"the header is {header.Width} px wide");
        await BrowserFixture.ScreenshotAsync(page, "menu-390");
    }

    [Fact]
    public async Task An_admin_invites_a_colleague_who_joins_by_the_emailed_link_and_is_later_removed()
    {
        var admin = await app.NewPageAsync();
        await admin.RegisterAsync(app.App, "Stichting Browserwijk", "Marieke Beheer", "marieke@browserwijk.nl");

        var menu = admin.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" });
        await menu.GetByRole(AriaRole.Link, new() { Name = "Marieke Beheer" }).ClickAsync();
        await Expect(admin.Locator("h1")).ToHaveTextAsync("Stichting Browserwijk");
        await admin.GetByLabel("E-mailadres van uw collega").FillAsync("joris@browserwijk.nl");
        await admin.GetByLabel("Lid: bewaart en deelt projecten").CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Uitnodiging versturen" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("De uitnodiging is verstuurd");
        await Expect(admin.Locator("table.invitations")).ToContainTextAsync("joris@browserwijk.nl");
        await BrowserFixture.ScreenshotAsync(admin, "organisatie-uitnodiging-verstuurd");

        var link = AccountTestSupport.LinkIn(app.App.LatestMailTo("joris@browserwijk.nl"), "/uitnodiging/");
        var colleague = await app.NewPageAsync();
        await colleague.GotoAsync(link);
        await Expect(colleague.Locator("p.lead")).ToContainTextAsync("als lid mee te werken aan de Impactkaart van Stichting Browserwijk");
        await colleague.GetByLabel("Uw naam").FillAsync("Joris Kok");
        await colleague.GetByLabel("Wachtwoord", new() { Exact = true }).FillAsync(AccountTestSupport.Password);
        await colleague.GetByLabel("Wachtwoord nog een keer").FillAsync(AccountTestSupport.Password);
        await BrowserFixture.ScreenshotAsync(colleague, "uitnodiging-aannemen");
        await colleague.GetByRole(AriaRole.Button, new() { Name = "Account maken en beginnen" }).ClickAsync();
        await Expect(colleague.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" }).GetByRole(AriaRole.Link, new() { Name = "Joris Kok" })).ToBeVisibleAsync();

        await admin.ReloadAsync();
        var row = admin.Locator("table.members tr", new() { HasText = "Joris Kok" });
        await Expect(row).ToContainTextAsync("Lid");
        await Expect(admin.GetByText("Er staan geen uitnodigingen open.")).ToBeVisibleAsync();
        await row.GetByText("Verwijderen").ClickAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "Ja, verwijder Joris Kok" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("Het lid is verwijderd");
        await Expect(admin.Locator("table.members")).Not.ToContainTextAsync("Joris Kok");
        await BrowserFixture.ScreenshotAsync(admin, "organisatie-lid-verwijderd");

        await colleague.GotoAsync("/organisatie");
        await Expect(colleague).ToHaveURLAsync(new Regex("/inloggen"));
        await Expect(colleague.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" }).GetByRole(AriaRole.Link, new() { Name = "Inloggen" })).ToBeVisibleAsync();
    }
}
