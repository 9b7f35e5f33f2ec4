using System.Text.RegularExpressions;
using Microsoft.Playwright;
using UglyToad.PdfPig;
using static Microsoft.Playwright.Assertions;

namespace Impactkaart.Web.Tests;

/// <summary>
/// The app as a user meets it in a real Chromium: walking the wizard with clicks, and printing the map. What needs no
/// script and no layout (the download links, the language switch, what-if, going back) is in MapLinksAndFormsTests.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait(Needs.Trait, Needs.Browser)]
public sealed partial class BrowserTests(BrowserFixture app)
{
    private const string Budgetcoaching = "/kaart?ref=budgetcoaching&deelnemers=80&kosten=90000";

    [Fact]
    public async Task Walking_the_wizard_for_budget_coaching_gives_1_90_per_euro()
    {
        var page = await app.NewPageAsync();

        await WalkWizard(page, "budgetcoaching", participants: "80", costs: "90000", name: "Geld op orde");

        await Expect(page).ToHaveURLAsync(new Regex("/kaart\\?"));
        Assert.Contains("€ 1,90", await Ratio(page), StringComparison.Ordinal);
        await Expect(page.Locator("h1")).ToContainTextAsync("Geld op orde");
        await BrowserFixture.ScreenshotAsync(page, "wizard-budgetcoaching-kaart");
    }

    [Theory]
    [InlineData("nl", Budgetcoaching)]
    [InlineData("en", Budgetcoaching)]
    [InlineData("nl", "/kaart?ref=huisbezoek-ouderen&deelnemers=40&kosten=37000&fase=evaluatie")]
    public async Task The_map_prints_on_one_a4_page_with_everything_that_matters(string language, string url)
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync(url + "&taal=" + language);
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });

        foreach (var selector in new[] { "h1", ".view-geld .view-ratio", ".view-samenleving .view-ratio", ".keyfigures", "figure[data-chart=payers] svg", "figure[data-chart=costs-benefits] svg", "figure[data-chart=hours] svg", "#per-partij + figure + table", "#uren ~ .grid-2 table", "#kwalitatief ~ ul", "#bronnen" })
        {
            Assert.True(await page.Locator(selector).First.IsVisibleAsync(), selector + " is hidden in print");
        }
        var printed = await page.PdfAsync(new PagePdfOptions { Format = "A4", PrintBackground = true });
        await File.WriteAllBytesAsync(Path.Combine(BrowserFixture.ScreenshotFolder, $"print-{language}-{(url.Contains("huisbezoek", StringComparison.Ordinal) ? "huisbezoek-ouderen" : "budgetcoaching")}.pdf"), printed);

        using var pdf = PdfDocument.Open(printed);
        Assert.Equal(1, pdf.NumberOfPages);
        var text = pdf.GetPage(1).Text;
        Assert.Contains(language == "en" ? "1.90" : (url.Contains("huisbezoek", StringComparison.Ordinal) ? "1,20" : "1,90"), text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_reference_project_prints_on_one_a4_page_in_both_languages()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/stap-1");
        var projects = await page.Locator("input[name=ref]").EvaluateAllAsync<string[]>("inputs => inputs.map(i => i.value)");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        var pages = new List<string>();

        foreach (var project in projects)
        {
            foreach (var language in new[] { "nl", "en" })
            {
                await page.GotoAsync($"/kaart?ref={project}&deelnemers=100&kosten=100000&fase=evaluatie&taal={language}");
                await Expect(page.Locator(".headline")).ToBeVisibleAsync();
                var printed = await page.PdfAsync(new PagePdfOptions { Format = "A4", PrintBackground = true });
                using var pdf = PdfDocument.Open(printed);
                pages.Add($"{project} ({language}): {pdf.NumberOfPages}");
                if (pdf.NumberOfPages != 1)
                {
                    await File.WriteAllBytesAsync(Path.Combine(BrowserFixture.ScreenshotFolder, $"print-too-long-{project}-{language}.pdf"), printed);
                }
            }
        }

        Assert.True(projects.Length >= 2, "reference projects: " + projects.Length);
        Assert.All(pages, p => Assert.EndsWith(": 1", p, StringComparison.Ordinal));
    }

    /// <summary>Start page → step 1 (click the project) → step 2 (type) → step 3 → the map, with the buttons a user presses.</summary>
    private static async Task WalkWizard(IPage page, string project, string participants, string costs, string? name = null)
    {
        await page.GotoAsync("/");
        await BrowserFixture.ScreenshotAsync(page, "wizard-" + project + "-0-start");
        await page.GetByRole(AriaRole.Link, new() { Name = "Begin een nieuwe kaart" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/stap-1"));
        await page.Locator("#ref-" + project).ClickAsync();
        await Expect(page.Locator("#ref-" + project)).ToBeCheckedAsync();
        if (name is not null)
        {
            await page.GetByLabel("Naam van het project").FillAsync(name);
        }
        await BrowserFixture.ScreenshotAsync(page, "wizard-" + project + "-1");
        await NextStep(page);

        await Expect(page).ToHaveURLAsync(new Regex("/stap-2"));
        await page.GetByLabel("Aantal deelnemers").FillAsync(participants);
        await page.GetByLabel("Totale kosten (euro)").FillAsync(costs);
        await BrowserFixture.ScreenshotAsync(page, "wizard-" + project + "-2");
        await NextStep(page);

        await Expect(page).ToHaveURLAsync(new Regex("/stap-3"));
        await BrowserFixture.ScreenshotAsync(page, "wizard-" + project + "-3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Toon de Impactkaart" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/kaart\\?"));
    }

    private static Task NextStep(IPage page) => page.GetByRole(AriaRole.Button, new() { Name = "Volgende stap" }).ClickAsync();

    /// <summary>The money view's ratio as shown ("€ 1,90 per geïnvesteerde euro"): the figure the published examples give.</summary>
    private static async Task<string> Ratio(IPage page) => Normalize(await page.Locator(".view-geld .view-ratio").InnerTextAsync());

    private static string Normalize(string? text) => WhiteSpace().Replace((text ?? "").Replace('\u00A0', ' ').Replace('\u202F', ' '), " ").Trim();

    [GeneratedRegex("\\s+")]
    private static partial Regex WhiteSpace();
}
