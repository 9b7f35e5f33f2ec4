using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Impactkaart.Web.Tests;

/// <summary>Registering in the browser as a person does: the form, "check your email", the emailed link and its button.</summary>
public static class AccountBrowserSupport
{
    public static async Task RegisterAsync(this IPage page, WebApp app, string organisation, string name, string email)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(app);
        await page.GotoAsync("/registreren");
        await page.RegisterHereAsync(app, organisation, name, email);
    }

    /// <summary>The same from the registration form the page shows now (reached through a link that carries where to return).</summary>
    public static async Task RegisterHereAsync(this IPage page, WebApp app, string organisation, string name, string email)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(app);
        await page.GetByLabel("Naam van de organisatie").FillAsync(organisation);
        await page.GetByLabel("Uw naam").FillAsync(name);
        await page.GetByLabel("E-mailadres").FillAsync(email);
        await page.GetByLabel("Wachtwoord", new() { Exact = true }).FillAsync(AccountTestSupport.Password);
        await page.GetByLabel("Wachtwoord nog een keer").FillAsync(AccountTestSupport.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanmelden" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("We hebben een e-mail gestuurd naar " + email);

        await page.GotoAsync(AccountTestSupport.LinkIn(app.LatestMailTo(email), "/registreren/bevestigen/"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Account afmaken en beginnen" }).ClickAsync();
    }
}
