using System.Globalization;

namespace Impactkaart.Web.Tests;

/// <summary>
/// The charts on the map page as a reader sees them: their text is at least 14 px on the screen, on a desktop and on a
/// 390 px phone. The SVG's font size is in its own units, so what counts is that size times the scale the page draws it at.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait(Needs.Trait, Needs.Browser)]
public sealed class ChartTextBrowserTests(BrowserFixture app)
{
    [Theory]
    [InlineData(1280, "/kaart?ref=budgetcoaching&deelnemers=80&kosten=90000")]
    [InlineData(390, "/kaart?ref=budgetcoaching&deelnemers=80&kosten=90000")]
    [InlineData(1280, "/kaart?ref=huisbezoek-ouderen&deelnemers=40&kosten=37000&taal=en")]
    [InlineData(390, "/kaart?ref=huisbezoek-ouderen&deelnemers=40&kosten=37000&taal=en")]
    public async Task Every_text_in_every_chart_shows_at_14_px_or_more(int width, string url)
    {
        var page = await app.NewPageAsync();
        await page.SetViewportSizeAsync(width, 900);
        await page.GotoAsync(url);

        // Per text element: its font size in SVG units times the SVG's rendered width over its viewBox width.
        var sizes = await page.Locator("figure.chart svg text").EvaluateAllAsync<double[]>(
            """
            texts => texts.map(t => {
                const svg = t.ownerSVGElement;
                const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
                return parseFloat(getComputedStyle(t).fontSize) * scale;
            })
            """);

        Assert.True(sizes.Length >= 6, $"only {sizes.Length} chart texts found");
        var smallest = sizes.Min();
        Assert.True(smallest >= 14, $"the smallest chart text shows at {smallest.ToString("0.0", CultureInfo.InvariantCulture)} px at {width} px wide");
        await BrowserFixture.ScreenshotAsync(page, $"chart-text-{width}");
    }
}
