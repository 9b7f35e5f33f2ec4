using Impactkaart.Engine;
using Impactkaart.Engine.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Impactkaart.Web.Tests;

/// <summary>The wizard in a real browser: step 3 shows the reference project, and choosing another one says which answers were emptied.</summary>
[Collection(BrowserCollection.Name)]
[Trait(Needs.Trait, Needs.Browser)]
public sealed class WizardReferenceBrowserTests(BrowserFixture app)
{
    private const string Activation = "ref=activering&deelnemers=40&kosten=100000&a.intensiteit=meer&a.richting=vooral-betaald-werk";

    private static readonly (Language Language, string Code, string Next, string Notice, string Link)[] Texts =
    [
        (Language.Nl, "nl", "Volgende stap",
            "U koos een ander referentieproject. Deze antwoorden golden alleen voor Activering vanuit de bijstand en zijn leeggemaakt: ‘Waar leidt het project vooral naartoe?’.",
            "Alles over {0} in de verantwoording"),
        (Language.En, "en", "Next step",
            "You chose another reference project. These answers applied only to Activation from social assistance and have been emptied: ‘What does the project mainly lead to?’.",
            "All about {0} in the methodology"),
    ];

    /// <summary>Each language on a laptop and on a phone.</summary>
    public static TheoryData<Language, string, string, string, string, int> Languages()
    {
        var data = new TheoryData<Language, string, string, string, string, int>();
        foreach (var t in Texts)
        {
            foreach (var width in new[] { 1280, 390 })
            {
                data.Add(t.Language, t.Code, t.Next, t.Notice, t.Link, width);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task Step_3_shows_the_reference_project_and_another_choice_in_step_1_names_the_emptied_answer(Language language, string code, string next, string notice, string link, int width)
    {
        var model = app.App.Services.GetRequiredService<ImpactModel>();
        var activation = model.FindReferenceProject("activering")!;
        var budgetCoaching = model.FindReferenceProject("budgetcoaching")!;
        var page = await app.NewPageAsync();
        await page.SetViewportSizeAsync(width, width < 600 ? 844 : 900);
        await page.GotoAsync($"/taal/{code}?terug=%2F");

        await page.GotoAsync("/stap-3?" + Activation);
        var reference = page.Locator("#referentie");
        await Expect(reference).ToContainTextAsync(activation.Summary[language]);
        await Expect(reference).ToContainTextAsync(activation.Intensity[language]);
        await Expect(reference).ToContainTextAsync(activation.TargetGroup[language]);
        await Expect(reference.GetByRole(AriaRole.Link, new() { Name = string.Format(System.Globalization.CultureInfo.InvariantCulture, link, activation.Label[language]) }))
            .ToHaveAttributeAsync("href", "/verantwoording#project-activering");
        await page.ExpectNoSidewaysScrollingAsync($"step 3 ({code}, {width} px)");
        await page.ExpectAxeCleanAsync($"step 3 ({code}, {width} px)");
        await BrowserFixture.ScreenshotAsync(page, $"stap-3-referentie-{code}-{width}");

        await page.GotoAsync("/stap-1?" + Activation);
        await page.Locator("#ref-budgetcoaching").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = next }).ClickAsync();

        await Expect(page.Locator("#referentie-gewijzigd")).ToHaveTextAsync(notice);
        await page.ExpectNoSidewaysScrollingAsync($"step 2 with the notice ({code}, {width} px)");
        await page.ExpectAxeCleanAsync($"step 2 with the notice ({code}, {width} px)");
        await BrowserFixture.ScreenshotAsync(page, $"stap-2-ander-referentieproject-{code}-{width}");
        await page.GetByRole(AriaRole.Button, new() { Name = next }).ClickAsync();
        await Expect(page.Locator("#referentie")).ToContainTextAsync(budgetCoaching.Summary[language]);
        // The answer budget coaching asks too is kept.
        await Expect(page.Locator("[id='a.intensiteit-meer']")).ToBeCheckedAsync();
    }
}
