using Impactkaart.Engine.Calculation;
using Impactkaart.Web.Data;
using Impactkaart.Web.Features.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Impactkaart.Web.Tests;

/// <summary>
/// In a real browser: a funder proposes result agreements (picking an outcome moves the target to that outcome's plan
/// value), the provider accepts them and, after saving an evaluation, reports a count with a story; the funder reads the
/// difference in words. Both pages axe clean in Dutch and English, at 1280 px and on a 390 px phone without sideways scrolling.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait(Needs.Trait, Needs.Browser)]
public sealed class AgreementBrowserTests(BrowserFixture app)
{
    [Fact]
    public async Task A_funder_proposes_results_the_provider_accepts_and_reports_and_both_pages_read_well_in_both_languages_and_on_a_phone()
    {
        var provider = await app.App.OrganisationAsync("Welzijn Afspraak", funder: false);
        var funder = await app.App.OrganisationAsync("Gemeente Afspraak", funder: true);
        var project = await app.App.ProjectAsync(provider, FundingTestSupport.BudgetCoaching());
        var funding = await app.App.ConnectAsync(provider, project, funder);
        var funderPage = $"/financier/projecten/{funding.Id}/afspraken";
        var providerPage = $"/projecten/{project}/afspraken";

        var asFunder = await SignedInAsync(funder);
        await asFunder.GotoAsync(funderPage);
        await Expect(asFunder.GetByLabel("Doel", new() { Exact = true })).ToHaveValueAsync("80");
        await asFunder.GetByRole(AriaRole.Radio, new() { Name = "Kortere bijstandsafhankelijkheid" }).CheckAsync();
        // 80 x 0.96 months x (1 - 0.25) x 0.75 = 43.2 months, rounded.
        await Expect(asFunder.GetByLabel("Doel", new() { Exact = true })).ToHaveValueAsync("43");
        await asFunder.GetByRole(AriaRole.Button, new() { Name = "Voorstellen aan de aanbieder" }).ClickAsync();
        await Expect(asFunder.Locator(".agreement h3")).ToContainTextAsync("Kortere bijstandsafhankelijkheid voorgesteld");

        await asFunder.GetByRole(AriaRole.Radio, new() { Name = "Een eigen telling" }).CheckAsync();
        await asFunder.GetByLabel("Doel", new() { Exact = true }).FillAsync("20");
        await asFunder.GetByRole(AriaRole.Button, new() { Name = "Voorstellen aan de aanbieder" }).ClickAsync();
        await Expect(asFunder.Locator(".error-summary")).ToContainTextAsync("Omschrijving: zeg wat er geteld wordt");
        await Expect(asFunder.GetByLabel("Doel", new() { Exact = true })).ToHaveValueAsync("20");
        await CheckAsync(asFunder, "afspraken-financier-fout");
        await asFunder.GetByLabel("Omschrijving (bij een eigen telling)").FillAsync("Huishoudens met een betalingsregeling");
        await asFunder.GetByRole(AriaRole.Button, new() { Name = "Voorstellen aan de aanbieder" }).ClickAsync();
        await Expect(asFunder.Locator(".agreement")).ToHaveCountAsync(2);

        var asProvider = await SignedInAsync(provider);
        await asProvider.GotoAsync($"/projecten/{project}");
        await asProvider.GetByRole(AriaRole.Link, new() { Name = "Resultaatafspraken" }).ClickAsync();
        await Expect(asProvider.Locator("h2")).ToContainTextAsync(["Gemeente Afspraak"]);
        await CheckAsync(asProvider, "afspraken-aanbieder-voorstel");
        await asProvider.GetByRole(AriaRole.Button, new() { Name = "Aannemen Kortere bijstandsafhankelijkheid" }).ClickAsync();
        await asProvider.GetByRole(AriaRole.Button, new() { Name = "Aannemen Huishoudens met een betalingsregeling" }).ClickAsync();
        await Expect(asProvider.GetByRole(AriaRole.Button, new() { Name = "Aannemen", Exact = false })).ToHaveCountAsync(0);

        await app.App.WithServicesAsync(async s =>
        {
            var request = FundingTestSupport.BudgetCoaching();
            request.Phase = PhaseWord.Evaluation;
            request.Participants = "65";
            request.Measured["kortere-bijstand"] = "1,2";
            var revision = await s.GetRequiredService<ImpactkaartDb>().Projects.Where(p => p.Id == project).Select(p => p.Revision).SingleAsync();
            return await s.GetRequiredService<ProjectStore>().SaveVersionAsync(provider, project, revision, request);
        });
        await asProvider.ReloadAsync();
        await asProvider.GetByText("Aantal en verhaal melden").ClickAsync();
        await asProvider.GetByLabel("Aantal", new() { Exact = true }).FillAsync("12");
        await asProvider.GetByLabel("Verhaal").Last.FillAsync("Twaalf gezinnen betalen weer af; twee wachten nog op hun schuldeiser.");
        await asProvider.GetByRole(AriaRole.Button, new() { Name = "Melden Huishoudens met een betalingsregeling" }).ClickAsync();
        await Expect(asProvider.Locator(".agreement").Last).ToContainTextAsync("Gemeld: 12 van de afgesproken 20 (60%), 8 minder.");
        await CheckAsync(asProvider, "afspraken-aanbieder");
        await asProvider.GotoAsync(providerPage + "?taal=en");
        await Expect(asProvider.Locator(".agreement").First).ToContainTextAsync("Estimated: 44 months of the agreed 43 months (102%), 1 more.");
        await CheckAsync(asProvider, "afspraken-aanbieder-en");

        await asFunder.GotoAsync(funderPage);
        await Expect(asFunder.Locator(".agreement").First).ToContainTextAsync("Geschat: 44 maanden van de afgesproken 43 maanden (102%), 1 meer.");
        await Expect(asFunder.Locator(".agreement").Last).ToContainTextAsync("Twaalf gezinnen betalen weer af");
        await CheckAsync(asFunder, "afspraken-financier");
        await asFunder.GotoAsync(funderPage + "?taal=en");
        await Expect(asFunder.Locator(".agreement").Last).ToContainTextAsync("Reported: 12 of the agreed 20 (60%), 8 fewer.");
        await CheckAsync(asFunder, "afspraken-financier-en");
    }

    private async Task<IPage> SignedInAsync(Member member)
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/inloggen");
        await page.GetByLabel("E-mailadres").FillAsync(member.Email!);
        await page.GetByLabel("Wachtwoord").FillAsync(AccountTestSupport.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/inloggen"));
        return page;
    }

    /// <summary>axe clean at 1280 px and on a 390 px phone, where nothing scrolls sideways; a screenshot of each when asked for.</summary>
    private static async Task CheckAsync(IPage page, string name)
    {
        await page.ExpectAxeCleanAsync(name);
        await BrowserFixture.ScreenshotAsync(page, name);
        await page.SetViewportSizeAsync(390, 844);
        await page.ExpectNoSidewaysScrollingAsync(name + " on a phone");
        await page.ExpectAxeCleanAsync(name + " on a phone");
        await BrowserFixture.ScreenshotAsync(page, name + "-390");
        await page.SetViewportSizeAsync(1280, 900);
    }
}
