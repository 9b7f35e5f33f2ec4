using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.Playwright;
using MiniExcelLibs;
using UglyToad.PdfPig;
using static Microsoft.Playwright.Assertions;

namespace Impactkaart.Web.Tests;

/// <summary>The app as a user meets it: a real Chromium walking the wizard, reading the map, downloading, printing.</summary>
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

    [Fact]
    public async Task Walking_the_wizard_for_home_visits_to_the_elderly_gives_1_20_and_the_hours_saved_per_sector()
    {
        var page = await app.NewPageAsync();

        await WalkWizard(page, "huisbezoek-ouderen", participants: "40", costs: "37000");

        Assert.Contains("€ 1,20", await Ratio(page), StringComparison.Ordinal);
        // The chart says it per sector (its accessible description), the table per profession with its sector.
        var chart = Normalize(await page.Locator("figure[data-chart=hours] svg desc").TextContentAsync());
        Assert.InRange(HoursIn(chart, "Verpleging, verzorging en thuiszorg"), 850, 950);
        Assert.InRange(HoursIn(chart, "Eerstelijnszorg"), 80, 120);
        var table = await HoursTable(page);
        Assert.InRange(table.GetValueOrDefault("Verpleging, verzorging en thuiszorg"), 850, 950);
        Assert.InRange(table.GetValueOrDefault("Eerstelijnszorg"), 80, 120);
        await BrowserFixture.ScreenshotAsync(page, "wizard-huisbezoek-ouderen-kaart");
    }

    [Fact]
    public async Task The_visible_language_switch_shows_the_same_map_in_english()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync(Budgetcoaching);
        var dutchUrl = page.Url;

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" }).GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();

        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        Assert.Equal(dutchUrl, page.Url);
        Assert.Contains("€1.90 per euro invested", await Ratio(page), StringComparison.Ordinal);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Who pays, who gains" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main menu" }).GetByRole(AriaRole.Link, new() { Name = "Nederlands" }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "nl");
        Assert.Contains("€ 1,90", await Ratio(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task What_if_more_participants_recalculates_the_map()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync(Budgetcoaching);
        var before = await Ratio(page);

        var whatIf = page.Locator("form", new() { Has = page.GetByRole(AriaRole.Button, new() { Name = "Opnieuw berekenen" }) });
        await whatIf.GetByRole(AriaRole.Textbox, new() { Name = "Deelnemers", Exact = true }).FillAsync("160");
        await whatIf.GetByRole(AriaRole.Button, new() { Name = "Opnieuw berekenen" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("deelnemers=160"));
        var after = await Ratio(page);
        Assert.Contains("€ 1,90", before, StringComparison.Ordinal);
        Assert.NotEqual(before, after);
        Assert.Matches("€ \\d+,\\d\\d", after);
        await Expect(page.Locator(".muted").First).ToContainTextAsync("160 deelnemers");
    }

    [Fact]
    public async Task Going_back_a_step_keeps_what_was_typed()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/stap-1");
        await page.Locator("#ref-budgetcoaching").ClickAsync();
        await page.GetByLabel("Naam van het project").FillAsync("Terug en weer");
        await page.GetByLabel("Looptijd in maanden").FillAsync("18");
        await NextStep(page);
        await page.GetByLabel("Aantal deelnemers").FillAsync("80");
        await page.GetByLabel("Totale kosten (euro)").FillAsync("90000");
        await NextStep(page);
        await Expect(page).ToHaveURLAsync(new Regex("/stap-3"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Vorige stap" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/stap-2"));
        await Expect(page.GetByLabel("Aantal deelnemers")).ToHaveValueAsync("80");
        await Expect(page.GetByLabel("Totale kosten (euro)")).ToHaveValueAsync("90000");

        await page.GetByRole(AriaRole.Button, new() { Name = "Vorige stap" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/stap-1"));
        await Expect(page.Locator("#ref-budgetcoaching")).ToBeCheckedAsync();
        await Expect(page.GetByLabel("Naam van het project")).ToHaveValueAsync("Terug en weer");
        await Expect(page.GetByLabel("Looptijd in maanden")).ToHaveValueAsync("18");

        await NextStep(page);
        await Expect(page.GetByLabel("Aantal deelnemers")).ToHaveValueAsync("80");
    }

    [Fact]
    public async Task The_pdf_link_downloads_one_page_with_the_ratio()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync(Budgetcoaching);

        var (name, bytes) = await Download(page, "PDF (één A4)");

        Assert.Equal("impactkaart-budgetcoaching.pdf", name);
        using var pdf = PdfDocument.Open(bytes);
        Assert.Equal(1, pdf.NumberOfPages);
        Assert.Contains("1,90", pdf.GetPage(1).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_excel_link_downloads_a_workbook_with_the_ratio_as_a_number()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync(Budgetcoaching);

        var (name, bytes) = await Download(page, "Excel met rekenspoor");

        Assert.Equal("impactkaart-budgetcoaching.xlsx", name);
        using var stream = new MemoryStream(bytes);
        var sheets = MiniExcel.GetSheetNames(stream);
        Assert.True(sheets.Count >= 2, "sheets: " + string.Join(", ", sheets));
        var numbers = sheets.SelectMany(sheet =>
        {
            stream.Position = 0;
            return MiniExcel.Query(stream, sheetName: sheet).Cast<IDictionary<string, object?>>().SelectMany(row => row.Values).ToList();
        }).Select(AsNumber).OfType<double>();
        Assert.Contains(numbers, n => Math.Abs(n - 1.90) < 0.005);
    }

    [Fact]
    public async Task The_image_links_download_an_accessible_svg_and_a_png()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync(Budgetcoaching);

        var (svgName, svgBytes) = await Download(page, "Afbeelding (SVG)");
        var (pngName, pngBytes) = await Download(page, "Afbeelding (PNG)");

        Assert.Equal("impactkaart-budgetcoaching.svg", svgName);
        var svg = XDocument.Parse(System.Text.Encoding.UTF8.GetString(svgBytes)).Root!;
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(ns + "svg", svg.Name);
        Assert.Equal("img", (string?)svg.Attribute("role"));
        var title = svg.Element(ns + "title");
        Assert.NotNull(title);
        Assert.False(string.IsNullOrWhiteSpace(title.Value));
        Assert.Equal("impactkaart-budgetcoaching.png", pngName);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, pngBytes[..8]);
    }

    [Fact]
    public async Task The_json_link_downloads_the_inputs_and_the_start_page_loads_them_into_the_same_map()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync(Budgetcoaching + "&naam=Noord&a.intensiteit=meer");
        var ratio = await Ratio(page);
        var keyFigures = await page.Locator(".keyfigures").InnerTextAsync();

        var (name, bytes) = await Download(page, "Invoer (JSON)");
        Assert.Equal("impactkaart-budgetcoaching.json", name);
        var file = Path.Combine(Path.GetTempPath(), "impactkaart-" + Guid.NewGuid().ToString("N") + ".json");
        await File.WriteAllBytesAsync(file, bytes);
        try
        {
            await page.GotoAsync("/");
            await page.GetByLabel("Projectbestand (.json)").SetInputFilesAsync(file);
            await page.GetByRole(AriaRole.Button, new() { Name = "Laden" }).ClickAsync();
        }
        finally
        {
            File.Delete(file);
        }

        await Expect(page).ToHaveURLAsync(new Regex("/kaart\\?"));
        Assert.Contains("a.intensiteit=meer", page.Url, StringComparison.Ordinal);
        Assert.Equal(ratio, await Ratio(page));
        Assert.Equal(keyFigures, await page.Locator(".keyfigures").InnerTextAsync());
        await Expect(page.Locator("h1")).ToContainTextAsync("Noord");
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

    /// <summary>Clicks a download link and returns the file's suggested name and its bytes.</summary>
    private static async Task<(string Name, byte[] Bytes)> Download(IPage page, string linkName)
    {
        var waiting = page.WaitForDownloadAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = linkName, Exact = true }).ClickAsync();
        var download = await waiting;
        var path = await download.PathAsync();
        var bytes = await File.ReadAllBytesAsync(path);
        await download.DeleteAsync();
        return (download.SuggestedFilename, bytes);
    }

    /// <summary>Hours in the hours table, summed per sector (second column).</summary>
    private static async Task<Dictionary<string, double>> HoursTable(IPage page)
    {
        var rows = page.Locator("#uren ~ .grid-2 table tbody tr");
        var sums = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < await rows.CountAsync(); i++)
        {
            var cells = await rows.Nth(i).Locator("td").AllInnerTextsAsync();
            var sector = Normalize(cells[1]);
            sums[sector] = sums.GetValueOrDefault(sector) + double.Parse(cells[2].Replace(".", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.GetCultureInfo("nl-NL"));
        }
        return sums;
    }

    private static double HoursIn(string description, string sector)
    {
        var match = Regex.Match(description, Regex.Escape(sector) + " ([\\d.]+) uur");
        Assert.True(match.Success, $"'{sector}' not in: {description}");
        return double.Parse(match.Groups[1].Value.Replace(".", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
    }

    private static double? AsNumber(object? value) => value switch
    {
        double d => d,
        decimal m => (double)m,
        int i => i,
        long l => l,
        float f => f,
        _ => null,
    };

    private static string Normalize(string? text) => WhiteSpace().Replace((text ?? "").Replace('\u00A0', ' ').Replace('\u202F', ' '), " ").Trim();

    [GeneratedRegex("\\s+")]
    private static partial Regex WhiteSpace();
}
