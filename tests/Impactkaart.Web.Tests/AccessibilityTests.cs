using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Impactkaart.Web.Tests;

/// <summary>
/// axe-core in the real browser on every page kind in Dutch and English (a full-page screenshot of each under
/// artifacts/screenshots with IMPACTKAART_SCREENSHOTS=1); and step 1 done with the keyboard alone, the focus always visible.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait(Needs.Trait, Needs.Browser)]
public sealed class AccessibilityTests(BrowserFixture app)
{
    private const string Budgetcoaching = "ref=budgetcoaching&deelnemers=80&kosten=90000";

    /// <summary>
    /// In Dutch every page in every state (plain, with errors, with a warning). In English each page kind once, in
    /// its fullest state (the same markup with English words): axe a second time on the same structure adds nothing.
    /// </summary>
    public static TheoryData<string, string> Pages()
    {
        var data = new TheoryData<string, string>();
        foreach (var page in new[] { "start", "stap-1", "stap-2", "stap-3-plan", "stap-3-evaluatie", "stap-2-fouten", "stap-3-fouten", "stap-2-waarschuwing", "stap-3-waarschuwing", "start-fout", "kaart", "kaart-evaluatie", "kaart-fout", "verantwoording", "niet-gevonden" })
        {
            data.Add("nl", page);
        }
        foreach (var page in new[] { "start-fout", "stap-1", "stap-2-fouten", "stap-3-fouten", "stap-3-waarschuwing", "kaart", "kaart-fout", "verantwoording", "niet-gevonden" })
        {
            data.Add("en", page);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_page_has_no_axe_violations(string language, string name)
    {
        var page = await app.NewPageAsync();
        await page.Context.AddCookiesAsync([new Cookie { Name = "taal", Value = language, Url = app.BaseUrl }]);

        await Open(page, name);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
        await BrowserFixture.ScreenshotAsync(page, $"{language}-{name}");

        await page.ExpectAxeCleanAsync($"{name} ({language})");
    }

    [Fact]
    public async Task Step_one_can_be_done_with_the_keyboard_alone_and_the_focus_is_always_visible()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/stap-1");
        var visited = new List<string>();
        string? chosen = null;

        for (var tab = 0; tab < 80; tab++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focus = await Focused(page);
            Assert.True(focus is not null, "focus left the page after: " + string.Join(" → ", visited));
            visited.Add(focus.Describe);
            Assert.True(focus.Shown, $"the focused element is not on screen: {focus.Describe}");
            Assert.True(focus.Outline, $"the focused element has no visible focus outline: {focus.Describe} (outline {focus.OutlineStyle} {focus.OutlineWidth}px)");

            if (focus.Name == "ref" && chosen is null)
            {
                await page.Keyboard.PressAsync("Space");
                chosen = await page.EvalOnSelectorAsync<string>("input[name=ref]:checked", "e => e.value");
            }
            else if (focus.Id == "naam")
            {
                await page.Keyboard.TypeAsync("Met het toetsenbord");
            }
            else if (focus.Id == "maanden")
            {
                await page.Keyboard.TypeAsync("12");
            }
            else if (focus.Tag == "BUTTON")
            {
                await page.Keyboard.PressAsync("Enter");
                break;
            }
        }

        await Expect(page).ToHaveURLAsync(new Regex("/stap-2\\?"));
        Assert.NotNull(chosen);
        Assert.Contains("ref=" + chosen, page.Url, StringComparison.Ordinal);
        Assert.Contains("maanden=12", page.Url, StringComparison.Ordinal);
        Assert.Contains("naam=Met%20het%20toetsenbord", page.Url, StringComparison.Ordinal);
        Assert.Contains(visited, v => v.Contains("skip-link", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Step_two_submits_with_enter_in_a_field_and_an_error_moves_nothing_typed()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/stap-2?ref=budgetcoaching");

        await page.GetByLabel("Aantal deelnemers").FocusAsync();
        await page.Keyboard.TypeAsync("0");
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Aantal deelnemers")).ToHaveValueAsync("0");
        await page.Locator(".error-summary a").First.FocusAsync();
        var focus = await Focused(page);
        Assert.True(focus is { Outline: true, Shown: true }, "error summary link focus: " + focus?.Describe);
    }

    /// <summary>Goes to the named page the way a user gets there (forms with errors are really posted).</summary>
    internal static async Task Open(IPage page, string name)
    {
        switch (name)
        {
            case "start": await page.GotoAsync("/"); break;
            case "stap-1": await page.GotoAsync("/stap-1"); break;
            case "stap-2": await page.GotoAsync("/stap-2?ref=budgetcoaching"); break;
            case "stap-3-plan": await page.GotoAsync("/stap-3?" + Budgetcoaching); break;
            case "stap-3-evaluatie": await page.GotoAsync("/stap-3?" + Budgetcoaching + "&fase=evaluatie"); break;
            case "stap-2-fouten":
                await page.GotoAsync("/stap-2?ref=budgetcoaching&deelnemers=0&uren=100");
                await page.Locator("button[value=verder]").ClickAsync();
                await Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
                break;
            case "stap-2-waarschuwing":
                // The script's warning as the user types a cost far below the usual one.
                await page.GotoAsync("/stap-2?ref=budgetcoaching&deelnemers=80");
                await page.Locator("#kosten").PressSequentiallyAsync("90");
                await Expect(page.Locator("#kosten-check.unusual")).ToBeVisibleAsync();
                break;
            case "stap-3-waarschuwing":
                await page.GotoAsync("/stap-3?ref=budgetcoaching&deelnemers=80&kosten=90");
                await Expect(page.Locator("#kosten-waarschuwing")).ToBeVisibleAsync();
                break;
            case "stap-3-fouten":
                await page.GotoAsync("/stap-3?" + Budgetcoaching + "&fase=evaluatie");
                await page.Locator("input[name^='m.']").First.FillAsync("-1");
                await page.Locator("button[value=verder]").ClickAsync();
                await Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
                break;
            case "start-fout":
                await page.GotoAsync("/");
                await page.Locator("#bestand").SetInputFilesAsync(new FilePayload { Name = "kapot.json", MimeType = "application/json", Buffer = Encoding.UTF8.GetBytes("{ kapot") });
                await page.Locator("form[enctype] button[type=submit]").ClickAsync();
                await Expect(page.Locator("#bestand-fout")).ToBeVisibleAsync();
                break;
            case "kaart": await page.GotoAsync("/kaart?" + Budgetcoaching); break;
            case "kaart-evaluatie": await page.GotoAsync("/kaart?ref=huisbezoek-ouderen&deelnemers=40&kosten=37000&fase=evaluatie"); break;
            case "kaart-fout": await page.GotoAsync("/kaart?ref=budgetcoaching&deelnemers=abc&kosten=90000"); break;
            case "verantwoording": await page.GotoAsync("/verantwoording"); break;
            case "niet-gevonden": await page.GotoAsync("/bestaat/niet"); break;
            default: throw new ArgumentOutOfRangeException(nameof(name), name, "unknown page");
        }
    }

    private sealed record Focus(string Tag, string? Id, string? Name, string Describe, bool Shown, bool Outline, string OutlineStyle, double OutlineWidth);

    /// <summary>The focused element, whether it is on screen and whether it draws a focus outline (or an equivalent ring).</summary>
    private static async Task<Focus?> Focused(IPage page)
    {
        var json = await page.EvaluateAsync<string?>("""
            () => {
              const e = document.activeElement;
              if (!e || e === document.body || e === document.documentElement) return null;
              const s = getComputedStyle(e);
              const r = e.getBoundingClientRect();
              const width = parseFloat(s.outlineWidth) || 0;
              const ring = (s.outlineStyle !== 'none' && width >= 2) || (s.boxShadow && s.boxShadow !== 'none');
              const shown = r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth && s.visibility !== 'hidden';
              const label = (e.getAttribute('aria-label') || e.innerText || e.value || '').trim().slice(0, 40);
              return JSON.stringify({ tag: e.tagName, id: e.id || null, name: e.getAttribute('name'),
                describe: `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${e.className ? '.' + String(e.className).replace(/ /g, '.') : ''} "${label}"`,
                shown, outline: ring, outlineStyle: s.outlineStyle, outlineWidth: width });
            }
            """);
        if (json is null)
        {
            return null;
        }
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return new Focus(
            root.GetProperty("tag").GetString()!,
            root.GetProperty("id").GetString(),
            root.GetProperty("name").GetString(),
            root.GetProperty("describe").GetString()!,
            root.GetProperty("shown").GetBoolean(),
            root.GetProperty("outline").GetBoolean(),
            root.GetProperty("outlineStyle").GetString()!,
            root.GetProperty("outlineWidth").GetDouble());
    }
}
