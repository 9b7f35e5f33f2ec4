using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Impactkaart.Web.Tests;

/// <summary>
/// In a real browser at a desktop and a phone width: the two views as two cards of the same size and type, side by
/// side where they fit; the warning above them; the evidence grade per outcome opening to what it rests on; the
/// shared map the same; the methodology readable. Screenshots of each with IMPACTKAART_SCREENSHOTS=1.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait(Needs.Trait, Needs.Browser)]
public sealed partial class MapViewsBrowserTests(BrowserFixture app)
{
    /// <summary>Budget coaching at a tenth of its usual cost per participant: the map warns.</summary>
    private const string Cheap = "/kaart?ref=budgetcoaching&deelnemers=100&kosten=11250&naam=Budgetcoaching%20Zuid";

    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task The_map_gives_both_views_the_same_card_and_type_size_with_the_warning_above_them(int width)
    {
        var page = await NewPageAsync(width);
        await page.GotoAsync(Cheap);

        await ViewsAreEqual(page, width);
        var warning = (await page.Locator(".warnings").BoundingBoxAsync())!;
        var cards = (await page.Locator(".view-geld").BoundingBoxAsync())!;
        Assert.True(warning.Y + warning.Height <= cards.Y, "the warning stands above the views");
        await Expect(page.Locator(".warnings")).ToContainTextAsync("De kosten per deelnemer (€ 113) liggen ver onder");

        // The grade of the first outcome opens to what it rests on, by a click (or a tap, or the keyboard).
        var grade = page.Locator("details.grade").First;
        await Expect(grade.Locator("p")).Not.ToBeVisibleAsync();
        await grade.Locator("summary").ClickAsync();
        await Expect(grade.Locator("p")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, $"kaart-twee-blikken-{width}");
        await NoSidewaysScrolling(page);
        await Axe(page);
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task A_shared_map_shows_the_same_views_warning_and_evidence(int width)
    {
        var email = $"views-{Guid.NewGuid():N}@example.nl";
        var client = await app.App.RegisterAsync("Welzijn Zuid", email);
        var project = await PortfolioProjects.AddAsync(app.App, email, "Budgetcoaching Zuid", participants: 100, cost: 11_250m);
        var sharePage = $"/projecten/{project.Id}/delen";
        var response = await WebApp.Post(client, sharePage, sharePage, [new("label", "Gemeente"), new("verloopt", "")]);
        var token = SharedLink().Match(await response.Content.ReadAsStringAsync()).Groups[1].Value;
        Assert.Equal(43, token.Length);

        var page = await NewPageAsync(width);
        await page.GotoAsync("/gedeeld/" + token);

        await Expect(page.Locator("h1")).ToHaveTextAsync("Impactkaart: Budgetcoaching Zuid");
        await ViewsAreEqual(page, width);
        await Expect(page.Locator(".warnings")).ToBeVisibleAsync();
        await Expect(page.Locator("table.outcomes details.grade")).Not.ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(page, $"gedeeld-twee-blikken-{width}");
        await NoSidewaysScrolling(page);
        if (width < 1000)
        {
            await Axe(page); // at desktop width ShareBrowserTests runs axe on the shared map
        }
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task The_methodology_reads_at_both_widths_with_its_new_sections(int width)
    {
        var page = await NewPageAsync(width);
        await page.GotoAsync("/verantwoording");

        foreach (var section in new[] { "perspectieven", "intensiteit", "bewijs", "onzekerheid" })
        {
            await Expect(page.Locator($"h2#{section}")).ToBeVisibleAsync();
            await Expect(page.Locator($"nav a[href='#{section}']")).ToBeVisibleAsync();
        }
        await BrowserFixture.ScreenshotAsync(page, $"verantwoording-{width}");
        await NoSidewaysScrolling(page);
    }

    private async Task<IPage> NewPageAsync(int width)
    {
        var page = await app.NewPageAsync();
        await page.SetViewportSizeAsync(width, 900);
        return page;
    }

    /// <summary>The two cards: the same width, the ratio in the same type size; side by side and the same height at desktop width, stacked on a phone.</summary>
    private static async Task ViewsAreEqual(IPage page, int width)
    {
        var money = (await page.Locator(".view-geld").BoundingBoxAsync())!;
        var welfare = (await page.Locator(".view-samenleving").BoundingBoxAsync())!;
        Assert.Equal(money.Width, welfare.Width, 1);
        if (width >= 1000)
        {
            Assert.Equal(money.Y, welfare.Y, 1);
            Assert.Equal(money.Height, welfare.Height, 1);
            Assert.True(welfare.X >= money.X + money.Width, "value to society stands beside money returned");
        }
        else
        {
            Assert.True(welfare.Y >= money.Y + money.Height, "on a phone the views stack");
        }
        var sizes = await page.Locator(".view-number").EvaluateAllAsync<string[]>("numbers => numbers.map(n => getComputedStyle(n).fontSize + ' ' + getComputedStyle(n).fontWeight)");
        Assert.Equal(2, sizes.Length);
        Assert.Equal(sizes[0], sizes[1]);
        foreach (var card in new[] { ".view-geld", ".view-samenleving" })
        {
            await Expect(page.Locator(card + " .view-range")).ToContainTextAsync("80% van de uitkomsten ligt tussen");
            await Expect(page.Locator(card + " .view-chance")).ToContainTextAsync("Kans dat de baten de kosten overtreffen:");
        }
    }

    /// <summary>Nothing wider than the window: no sideways scrolling of the page itself (a wide table scrolls in its own box).</summary>
    private static async Task NoSidewaysScrolling(IPage page)
    {
        var (scroll, inner) = (await page.EvaluateAsync<int>("document.documentElement.scrollWidth"), await page.EvaluateAsync<int>("window.innerWidth"));
        var wide = await page.EvaluateAsync<string[]>("[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.table-scroll')).slice(0, 8).map(e => e.tagName + '.' + e.className + '#' + e.id + ' ' + Math.round(e.getBoundingClientRect().right))");
        Assert.True(scroll <= inner, $"the page is {scroll} px wide in a {inner} px window: {string.Join(", ", wide)}");
    }

    private static async Task Axe(IPage page)
    {
        await page.ExpectAxeCleanAsync("map views");
    }

    [GeneratedRegex("/gedeeld/([A-Za-z0-9_-]{43})")]
    private static partial Regex SharedLink();
}
