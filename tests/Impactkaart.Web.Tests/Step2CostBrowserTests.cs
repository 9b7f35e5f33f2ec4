using System.Globalization;
using Impactkaart.Engine.Calculation;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Impactkaart.Web.Tests;

/// <summary>Step 2 in a real browser: the cost per participant as the user types, and the warning when it is unusual.</summary>
[Collection(BrowserCollection.Name)]
[Trait(Needs.Trait, Needs.Browser)]
public sealed class Step2CostBrowserTests(BrowserFixture app)
{
    private const string TinyCostWarning =
        "Dat is € 1,13 per deelnemer. Voor Budgetcoaching is een bedrag tussen € 800 en € 1.500 per deelnemer gebruikelijk. Klopt het bedrag? Bedoelt u misschien 90.000?";

    [Fact]
    public async Task Typing_90_as_the_cost_warns_at_once_and_typing_on_to_90_000_takes_the_warning_away()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/stap-2?ref=budgetcoaching");
        var check = page.Locator("#kosten-check");
        await Expect(check).ToBeHiddenAsync();

        await page.GetByLabel("Aantal deelnemers").PressSequentiallyAsync("80");
        await page.GetByLabel("Totale kosten (euro)").PressSequentiallyAsync("90");

        await Expect(check).ToHaveTextAsync(TinyCostWarning);
        await Expect(check).ToHaveAttributeAsync("aria-live", "polite");
        await Expect(check).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("\\bunusual\\b"));
        await BrowserFixture.ScreenshotAsync(page, "stap-2-waarschuwing-1280");
        await page.SetViewportSizeAsync(390, 844);
        await BrowserFixture.ScreenshotAsync(page, "stap-2-waarschuwing-390");
        // Nothing sticks out sideways on a phone: the page is no wider than its window.
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "step 2 scrolls sideways at 390 px");
        await page.SetViewportSizeAsync(1280, 900);

        await page.GetByLabel("Totale kosten (euro)").PressSequentiallyAsync(".000");

        await Expect(check).ToHaveTextAsync("Dat is € 1.125 per deelnemer.");
        await Expect(check).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("\\bunusual\\b"));

        // The server says the same as the script: submitted with 90, step 3 repeats the warning word for word.
        await page.GetByLabel("Totale kosten (euro)").FillAsync("90");
        await Expect(check).ToHaveTextAsync(TinyCostWarning);
        await page.GetByRole(AriaRole.Button, new() { Name = "Volgende stap" }).ClickAsync();
        await Expect(page.Locator("#kosten-waarschuwing")).ToContainTextAsync(TinyCostWarning + " Pas de kosten aan in stap 2");
        await BrowserFixture.ScreenshotAsync(page, "stap-3-waarschuwing-1280");
    }

    [Fact]
    public async Task The_script_reads_every_amount_as_the_engine_does()
    {
        string[] typed =
        [
            "90000", "90.000", "1.125", "1.250.000", "90.000,50", "90000,5", "90 000", "1 250 000,50", "€ 90.000", "€90.000,-",
            "90.000 EUR", "euro 90.000", "90000.5", "1125.25", "90000.500", "12.5", "0.125", "0,125", " 1500 ", "-100",
            "1.5.3", "9.00,0", "1,250,000", "90,000.50", "90 000.5", "9 0000", "90.", "90,000", "1,125", "negentigduizend", "9e4", "€", ",",
        ];
        var page = await app.NewPageAsync();
        await page.GotoAsync("/stap-2?ref=budgetcoaching");

        foreach (var text in typed)
        {
            var engine = NumberText.ReadAmount(text).Value;
            var script = await page.EvaluateAsync<double?>("t => window.impactkaart.readAmount(t)", text);
            Assert.True(engine is null ? script is null : script == (double)engine.Value,
                string.Create(CultureInfo.InvariantCulture, $"'{text}': engine {engine}, script {script}"));
        }
    }
}
