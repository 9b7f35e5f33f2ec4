using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Impactkaart.Web.Tests;

/// <summary>
/// Issue 14's "done when" walked end to end in a real browser, in Dutch and English: a funder's admin makes the
/// organisation a funder, a provider connects its two published examples to it, the funder accepts and proposes the
/// participants reached (the plan's 80), the provider accepts and saves an evaluation with 65 through the wizard, the
/// funder reads its portfolio (EUR 127,000 invested, about 900 hours of nursing and care saved) and the agreement
/// (65 against 80, in words), and downloads the council report, whose totals are the ones the portfolio shows.
/// Every page axe clean and in the walk's language; the portfolio also on a 390 px phone without sideways scrolling.
/// Screenshots with IMPACTKAART_SCREENSHOTS=1: artifacts/screenshots/funder-walk-LANGUAGE-NN-PAGE.png.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait(Needs.Trait, Needs.Browser)]
public sealed class FunderWalkTests(BrowserFixture app)
{
    [Theory]
    [InlineData("nl")]
    [InlineData("en")]
    public async Task A_provider_connects_two_projects_the_funder_agrees_results_and_reads_them_back_in_its_portfolio_and_council_report(string language)
    {
        var english = language == "en";
        string T(string nl, string en) => english ? en : nl;
        var funderName = $"Gemeente Loopveld {language.ToUpperInvariant()}";
        var providerName = $"Welzijn Loopveld {language.ToUpperInvariant()}";

        // The funder registers on the site like any organisation; its admin then says on /organisatie that it funds projects.
        var walk = new Walk(language);
        var funderPage = await app.NewPageAsync();
        await funderPage.Context.AddCookiesAsync([new Cookie { Name = "taal", Value = language, Url = app.BaseUrl }]);
        var funderEmail = $"beheer-{Guid.NewGuid():N}@loopveld.nl";
        await funderPage.GotoAsync("/registreren");
        await funderPage.GetByLabel(T("Naam van de organisatie", "Name of the organisation")).FillAsync(funderName);
        await funderPage.GetByLabel(T("Uw naam", "Your name")).FillAsync("Joost de Wethouder");
        await funderPage.GetByLabel(T("E-mailadres", "Email address")).FillAsync(funderEmail);
        await funderPage.GetByLabel(T("Wachtwoord", "Password"), new() { Exact = true }).FillAsync(AccountTestSupport.Password);
        await funderPage.GetByLabel(T("Wachtwoord nog een keer", "Password again")).FillAsync(AccountTestSupport.Password);
        await walk.CheckAsync(funderPage, "registreren");
        await funderPage.GetByRole(AriaRole.Button, new() { Name = T("Aanmelden", "Register") }).ClickAsync();
        await Expect(funderPage.GetByRole(AriaRole.Status)).ToContainTextAsync(funderEmail);
        await funderPage.GotoAsync(AccountTestSupport.LinkIn(app.App.LatestMailTo(funderEmail), "/registreren/bevestigen/"));
        await walk.CheckAsync(funderPage, "bevestigen");
        await funderPage.GetByRole(AriaRole.Button, new() { Name = T("Account afmaken en beginnen", "Finish account and start") }).ClickAsync();
        await Expect(funderPage.GetByText("Joost de Wethouder").First).ToBeVisibleAsync();
        await funderPage.GotoAsync("/organisatie");
        await funderPage.GetByLabel(T("Wij financieren projecten", "We fund projects")).CheckAsync();
        await funderPage.GetByLabel(T("Wij voeren projecten uit", "We run projects")).UncheckAsync();
        await funderPage.GetByRole(AriaRole.Button, new() { Name = T("Soort opslaan", "Save kind") }).ClickAsync();
        await Expect(funderPage.GetByRole(AriaRole.Status)).ToContainTextAsync(T("De soort organisatie is gewijzigd.", "The kind of organisation has been changed."));
        await Expect(funderPage.GetByLabel(T("Wij financieren projecten", "We fund projects"))).ToBeCheckedAsync();
        await walk.CheckAsync(funderPage, "organisatie");

        // The provider's two saved projects: the published examples.
        var provider = await app.App.OrganisationAsync(providerName, funder: false);
        var coaching = await app.App.ProjectAsync(provider, FundingTestSupport.BudgetCoaching());
        var visits = await app.App.ProjectAsync(provider, FundingTestSupport.HomeVisits());
        var page = await app.NewPageAsync();
        await page.Context.AddCookiesAsync([new Cookie { Name = "taal", Value = language, Url = app.BaseUrl }]);
        await page.GotoAsync("/inloggen");
        await page.GetByLabel(T("E-mailadres", "Email address")).FillAsync(provider.Email!);
        await page.GetByLabel(T("Wachtwoord", "Password")).FillAsync(AccountTestSupport.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = T("Inloggen", "Sign in") }).ClickAsync();
        await Expect(page).Not.ToHaveURLAsync(new Regex("/inloggen"));
        var connectedOnce = false;

        foreach (var (project, scheme) in new[] { (coaching, "Welzijn 2026"), (visits, "Ouderen 2026") })
        {
            await page.GotoAsync($"/projecten/{project}");
            await page.GetByRole(AriaRole.Link, new() { Name = T("Koppelen aan een financier", "Connect to a funder") }).ClickAsync();
            await page.GetByLabel(T("Naam van de financier", "Name of the funder")).FillAsync(funderName);
            await page.GetByRole(AriaRole.Button, new() { Name = T("Zoeken", "Search") }).ClickAsync();
            await page.GetByLabel($"{funderName} · loopveld.nl").CheckAsync();
            await page.GetByLabel(T("Regeling", "Scheme"), new() { Exact = true }).FillAsync(scheme);
            if (!connectedOnce)
            {
                await walk.CheckAsync(page, "financier-zoeken");
                connectedOnce = true;
            }
            await page.GetByRole(AriaRole.Button, new() { Name = T("Koppelen", "Connect"), Exact = true }).ClickAsync();
            await Expect(page.Locator("#koppelingen ~ ul.relations > li")).ToContainTextAsync(scheme);
            await Expect(page.Locator("#koppelingen ~ ul.relations > li")).ToContainTextAsync(T("Wacht op akkoord van de financier", "Waiting for the funder's approval"));
        }
        await walk.CheckAsync(page, "koppelen");

        await funderPage.GotoAsync("/financier/aanbieders");
        var request = funderPage.Locator("#verzoeken ~ ul.relations > li");
        await Expect(request).ToContainTextAsync(providerName);
        await Expect(request).ToContainTextAsync("Budgetcoaching Noord");
        await Expect(request).ToContainTextAsync("Huisbezoek 75+ Oost");
        await walk.CheckAsync(funderPage, "aanbieders-verzoek");
        await funderPage.GetByRole(AriaRole.Button, new() { Name = T("Accepteren", "Accept") }).ClickAsync();
        await Expect(funderPage.Locator("#geaccepteerd ~ ul.relations > li")).ToContainTextAsync(providerName);
        await walk.CheckAsync(funderPage, "aanbieders-geaccepteerd");

        await page.GotoAsync($"/projecten/{coaching}/financiers");
        await Expect(page.Locator("#koppelingen ~ ul.relations > li")).ToContainTextAsync(T("Zichtbaar voor de financier sinds", "Visible to the funder since"));
        await walk.CheckAsync(page, "gekoppeld");

        // The funder proposes the participants reached: the target is the plan's 80 unless changed.
        await funderPage.GotoAsync("/financier");
        await funderPage.GetByRole(AriaRole.Link, new() { Name = "Budgetcoaching Noord" }).ClickAsync();
        await Expect(funderPage.Locator("h1")).ToHaveTextAsync(T("Impactkaart", "Impact map") + ": Budgetcoaching Noord");
        await walk.CheckAsync(funderPage, "financier-project");
        await funderPage.GetByRole(AriaRole.Link, new() { Name = T("Resultaatafspraken", "Result agreements") }).ClickAsync();
        var agreementsUrl = funderPage.Url;
        await Expect(funderPage.GetByRole(AriaRole.Radio, new() { Name = T("Deelnemers bereikt", "Participants reached") })).ToBeCheckedAsync();
        await Expect(funderPage.GetByLabel(T("Doel", "Target"), new() { Exact = true })).ToHaveValueAsync("80");
        await funderPage.GetByLabel(T("Uiterlijk op", "Due by")).FillAsync("31-12-2026");
        await walk.CheckAsync(funderPage, "afspraak-voorstellen");
        await funderPage.GetByRole(AriaRole.Button, new() { Name = T("Voorstellen aan de aanbieder", "Propose to the provider") }).ClickAsync();
        await Expect(funderPage.Locator(".agreement h3")).ToContainTextAsync(T("Deelnemers bereikt", "Participants reached"));

        await page.GotoAsync($"/projecten/{coaching}/afspraken");
        await Expect(page.Locator("h2")).ToContainTextAsync([funderName]);
        await walk.CheckAsync(page, "afspraak-voorstel");
        await page.GetByRole(AriaRole.Button, new() { Name = T("Aannemen Deelnemers bereikt", "Accept Participants reached") }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = T("Aannemen", "Accept"), Exact = false })).ToHaveCountAsync(0);
        await Expect(page.Locator(".agreement .difference")).ToContainTextAsync(T("Nog geen evaluatie", "No evaluation yet"));
        await walk.CheckAsync(page, "afspraak-aangenomen");

        // The evaluation, through the project page and the wizard: 65 took part, the costs as planned.
        await page.GotoAsync($"/projecten/{coaching}");
        await page.GetByRole(AriaRole.Link, new() { Name = T("Evaluatie maken", "Make the evaluation") }).ClickAsync();
        await Expect(page.Locator("#fase-evaluatie")).ToBeCheckedAsync();
        await walk.CheckAsync(page, "evaluatie-stap-1");
        await page.GetByRole(AriaRole.Button, new() { Name = T("Volgende stap", "Next step") }).ClickAsync();
        await page.GetByLabel(T("Aantal deelnemers", "Number of participants")).FillAsync("65");
        await page.GetByLabel(T("Totale kosten (euro)", "Total costs (euro)")).FillAsync("90000");
        await walk.CheckAsync(page, "evaluatie-stap-2");
        await page.GetByRole(AriaRole.Button, new() { Name = T("Volgende stap", "Next step") }).ClickAsync();
        await walk.CheckAsync(page, "evaluatie-stap-3");
        await page.GetByRole(AriaRole.Button, new() { Name = T("Toon de Impactkaart", "Show the Impactkaart") }).ClickAsync();
        await walk.CheckAsync(page, "evaluatie-kaart");
        await page.GetByRole(AriaRole.Button, new() { Name = T("Bewaar als nieuwe versie", "Save as a new version") }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/projecten/{coaching}$"));
        await Expect(page.GetByText(T("Er deden 15 deelnemers minder mee dan gepland", "15 fewer participants took part than planned"))).ToBeVisibleAsync();
        await walk.CheckAsync(page, "evaluatie");

        // The portfolio: both examples invest EUR 127,000; home visits save about 900 hours of nursing and care.
        await funderPage.GotoAsync("/financier");
        await Expect(funderPage.Locator("table.funder-projects tbody tr")).ToHaveCountAsync(2);
        await Expect(funderPage.Locator("[data-figure=invested]")).ToHaveTextAsync(T("€\u00A0127.000", "€127,000"));
        var nursingLabel = await funderPage.Locator("[data-sector=verpleging-verzorging] td").First.InnerTextAsync();
        var nursing = await funderPage.Locator("[data-sector=verpleging-verzorging] td").Nth(1).InnerTextAsync();
        Assert.InRange(int.Parse(Regex.Replace(nursing, "[^0-9]", ""), System.Globalization.CultureInfo.InvariantCulture), 850, 950);
        var invested = Plain(await funderPage.Locator("[data-figure=invested]").InnerTextAsync());
        var benefitsMoney = Plain(await funderPage.Locator("[data-figure=benefits-geld]").InnerTextAsync());
        var benefitsWelfare = Plain(await funderPage.Locator("[data-figure=benefits-samenleving]").InnerTextAsync());
        await walk.CheckAsync(funderPage, "financier");
        await funderPage.SetViewportSizeAsync(390, 844);
        await funderPage.ExpectNoSidewaysScrollingAsync($"financier ({language}, 390 px)");
        await funderPage.SetViewportSizeAsync(1280, 900);

        await funderPage.GotoAsync(agreementsUrl);
        var figures = funderPage.Locator(".agreement .agreement-figures tbody td");
        await Expect(figures).ToHaveTextAsync([T("80 deelnemers", "80 participants"), T("80 deelnemers", "80 participants"), T("65 deelnemers", "65 participants")]);
        await Expect(funderPage.Locator(".agreement .difference")).ToContainTextAsync(T("Bereikt: 65 van de afgesproken 80 deelnemers", "Reached: 65 of the agreed 80 participants"));
        await Expect(funderPage.Locator(".agreement .difference")).ToContainTextAsync(T("15 minder", "15 fewer"));
        await walk.CheckAsync(funderPage, "afspraak-gerealiseerd");

        // The council report, downloaded from the portfolio and read back: the figures the portfolio shows.
        await funderPage.GotoAsync("/financier");
        var download = await funderPage.RunAndWaitForDownloadAsync(() =>
            funderPage.GetByRole(AriaRole.Link, new() { Name = T("Raadsrapportage (PDF)", "Council report (PDF)") }).ClickAsync());
        var pages = CouncilReportTests.PagesOf(await File.ReadAllBytesAsync(await download.PathAsync()));
        var body = Plain(string.Join(' ', pages.Skip(1)));
        Assert.Contains(funderName, pages[0], StringComparison.Ordinal);
        Assert.Contains(T("Geïnvesteerd: ", "Invested: ") + invested, body, StringComparison.Ordinal);
        Assert.Contains(T("Baten ", "Benefits ") + benefitsMoney, body, StringComparison.Ordinal);
        Assert.Contains(T("Baten ", "Benefits ") + benefitsWelfare, body, StringComparison.Ordinal);
        Assert.Contains($"{nursingLabel} {nursing}", body, StringComparison.Ordinal);
        // The results against the agreements start on the page of their heading (a heading never stands alone at a page's foot).
        var heading = T("Resultaten tegen de afspraken", "Results against the agreements");
        var resultsPage = Plain(Assert.Single(pages, p => p.Contains(heading, StringComparison.Ordinal)));
        var results = resultsPage[resultsPage.IndexOf(heading, StringComparison.Ordinal)..];
        // A table cell wraps and its lines are read across the row: the agreed result's words may come apart, the figures not.
        Assert.Matches(T(@"Deelnemers (bereikt )?80 80 31 dec 2026 65 Bereikt: 65 van de afgesproken 80", @"Participants (reached )?80 80 31 Dec 2026 65 Reached: 65 of the agreed 80"), results);
        Assert.Contains(T("15 minder", "15 fewer"), results, StringComparison.Ordinal);

        // The provider ends one connection: the funder keeps only the other project. The connection pages on a phone.
        await page.GotoAsync($"/projecten/{coaching}/financiers");
        await page.SetViewportSizeAsync(390, 844);
        await page.ExpectNoSidewaysScrollingAsync($"financiers ({language}, 390 px)");
        await page.GetByText(T("Ontkoppelen…", "Disconnect…")).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = T($"Ja, ontkoppel van {funderName}", $"Yes, disconnect from {funderName}") }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(T("Het project is ontkoppeld.", "The project is disconnected."));
        await page.ExpectNoSidewaysScrollingAsync($"financiers ontkoppeld ({language}, 390 px)");
        await walk.CheckAsync(page, "ontkoppeld-390");
        await page.SetViewportSizeAsync(1280, 900);
        await funderPage.GotoAsync("/financier");
        await Expect(funderPage.Locator("table.funder-projects tbody tr")).ToHaveCountAsync(1);
        await funderPage.GotoAsync("/financier/aanbieders");
        await funderPage.SetViewportSizeAsync(390, 844);
        await funderPage.ExpectNoSidewaysScrollingAsync($"aanbieders ({language}, 390 px)");
        await walk.CheckAsync(funderPage, "aanbieders-390");
    }

    /// <summary>Text as a PDF's words read: a no-break space (which keeps "€ 127.000" on one line on a page) as a plain one.</summary>
    private static string Plain(string text) => text.Replace('\u00A0', ' ');

    /// <summary>The provider's and the funder's pages, numbered in the order visited, each checked the same way.</summary>
    private sealed class Walk(string language)
    {
        private int step;

        /// <summary>The page in the walk's language and axe clean; kept as a screenshot when asked.</summary>
        public async Task CheckAsync(IPage page, string name)
        {
            step++;
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
            await page.ExpectAxeCleanAsync($"{name} ({language})");
            await BrowserFixture.ScreenshotAsync(page, $"funder-walk-{language}-{step:00}-{name}");
        }
    }
}
