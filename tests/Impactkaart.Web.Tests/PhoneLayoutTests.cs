using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Impactkaart.Web.Tests;

/// <summary>
/// Every kind of page on a 390 px wide phone: the page itself never scrolls sideways (a wide table scrolls in its
/// own box), and the signed-in pages that AccessibilityTests does not visit pass axe at that width. With
/// IMPACTKAART_SCREENSHOTS=1 each page is kept as 390-LANG-NAME.png and 1280-LANG-NAME.png.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait(Needs.Trait, Needs.Browser)]
public sealed class PhoneLayoutTests(BrowserFixture app)
{
    private const int Phone = 390;

    /// <summary>Pages anyone can open; AccessibilityTests runs axe on them.</summary>
    private static readonly string[] OpenPages =
        ["start", "stap-1", "stap-2", "stap-2-fouten", "stap-3-plan", "stap-3-evaluatie", "stap-3-fouten", "start-fout",
         "kaart", "kaart-evaluatie", "kaart-fout", "verantwoording", "niet-gevonden"];

    /// <summary>Pages of a member of an organisation with several saved projects (and the funder's shared map).</summary>
    private static readonly string[] MemberPages =
        ["fout", "inloggen", "registreren", "wachtwoord-vergeten", "projecten", "projecten-fout", "project", "versie",
         "opslaan", "verwijderen", "delen", "gedeeld", "organisatie", "api-sleutels", "logboek"];

    public static TheoryData<string, string> Pages()
    {
        var data = new TheoryData<string, string>();
        foreach (var page in OpenPages.Concat(MemberPages))
        {
            data.Add("nl", page);
        }
        foreach (var page in new[] { "kaart", "kaart-evaluatie", "verantwoording", "projecten", "project", "gedeeld" })
        {
            data.Add("en", page);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task No_page_scrolls_sideways_on_a_390_px_phone(string language, string name)
    {
        var page = await app.NewPageAsync();
        await page.SetViewportSizeAsync(Phone, 844);
        await page.Context.AddCookiesAsync([new Cookie { Name = "taal", Value = language, Url = app.BaseUrl }]);
        var member = MemberPages.Contains(name) ? await Organisation.ReadyAsync(app) : null;
        if (member is not null && name is not ("inloggen" or "registreren" or "wachtwoord-vergeten" or "gedeeld"))
        {
            await page.Context.AddCookiesAsync(member.Cookies);
        }

        if (member is null)
        {
            await AccessibilityTests.Open(page, name);
        }
        else
        {
            await OpenAsMember(page, name, member);
        }
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
        await BrowserFixture.ScreenshotAsync(page, $"{Phone}-{language}-{name}");

        await page.ExpectNoSidewaysScrollingAsync($"{name} ({language})");
        if (member is not null && language == "nl")
        {
            await page.ExpectAxeCleanAsync($"{name} at {Phone} px");
        }
        await page.SetViewportSizeAsync(1280, 900);
        await BrowserFixture.ScreenshotAsync(page, $"1280-{language}-{name}");
    }

    [Fact]
    public async Task On_a_phone_the_maps_long_parts_fold_away_behind_a_tap_and_a_wide_screen_and_paper_show_them_open()
    {
        const string map = "/kaart?ref=budgetcoaching&deelnemers=80&kosten=90000";
        var phone = await app.NewPageAsync();
        await phone.SetViewportSizeAsync(Phone, 844);
        await phone.GotoAsync(map);

        // The key figures two by two; the sources, the what-if fields and the table of assumptions folded away.
        var figures = phone.Locator(".keyfigures > div");
        Assert.Equal((await figures.Nth(0).BoundingBoxAsync())!.Y, (await figures.Nth(1).BoundingBoxAsync())!.Y, 1);
        await Expect(phone.Locator("ol.sources")).Not.ToBeVisibleAsync();
        await Expect(phone.Locator("#deelnemers")).Not.ToBeVisibleAsync();
        var drivers = phone.Locator("table", new() { HasText = "Opbrengst in geld per euro als alleen deze aanname" });
        await Expect(drivers).ToHaveCountAsync(1);
        await Expect(drivers).Not.ToBeVisibleAsync();
        await phone.Locator("summary", new() { HasTextRegex = new Regex("^De \\d+ bronnen$") }).ClickAsync();
        await Expect(phone.Locator("ol.sources")).ToBeVisibleAsync();
        await phone.GetByText("Getallen en antwoorden veranderen").ClickAsync();
        await Expect(phone.Locator("#deelnemers")).ToBeVisibleAsync();

        var wide = await app.NewPageAsync();
        await wide.GotoAsync(map);
        await Expect(wide.Locator("ol.sources")).ToBeVisibleAsync();
        await Expect(wide.Locator("#deelnemers")).ToBeVisibleAsync();
        await Expect(wide.Locator("details.fold > summary")).ToHaveCountAsync(3);
        await Expect(wide.Locator("details.fold > summary").First).Not.ToBeVisibleAsync();

        await phone.ReloadAsync();
        await phone.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(phone.Locator("ol.sources")).ToBeVisibleAsync(); // on paper the sources are always there
    }

    [Fact]
    public async Task On_a_phone_the_methodology_folds_each_reference_project_and_a_link_to_a_price_opens_its_fold()
    {
        var phone = await app.NewPageAsync();
        await phone.SetViewportSizeAsync(Phone, 844);
        await phone.GotoAsync("/verantwoording");

        // Each reference project keeps its heading and description; its tables fold, as do prices, professions and sources.
        await Expect(phone.Locator("#project-budgetcoaching h4")).ToBeVisibleAsync();
        await Expect(phone.Locator("#project-budgetcoaching table").First).Not.ToBeVisibleAsync();
        await Expect(phone.Locator("#bronnen + details.fold > ol")).Not.ToBeVisibleAsync();
        var height = await phone.EvaluateAsync<int>("document.documentElement.scrollHeight");
        Assert.True(height < 25_000, $"the methodology is {height} px long on a phone");

        // A map's source or price link lands on its row, opened, also on a phone.
        var price = await phone.Locator("tr[id^='prijs-']").First.GetAttributeAsync("id");
        await phone.GotoAsync("/verantwoording#" + price);
        await Expect(phone.Locator("#" + price)).ToBeVisibleAsync();

        await phone.SetViewportSizeAsync(1280, 900);
        await phone.GotoAsync("/verantwoording");
        await Expect(phone.Locator("#project-budgetcoaching table").First).ToBeVisibleAsync();
        await Expect(phone.Locator("#bronnen + details.fold > ol")).ToBeVisibleAsync();
    }

    private static async Task OpenAsMember(IPage page, string name, Organisation member)
    {
        switch (name)
        {
            case "fout": await page.GotoAsync("/fout"); break;
            case "inloggen": await page.GotoAsync("/inloggen"); break;
            case "registreren": await page.GotoAsync("/registreren"); break;
            case "wachtwoord-vergeten": await page.GotoAsync("/wachtwoord-vergeten"); break;
            case "projecten": await page.GotoAsync("/projecten"); break;
            // The portfolio's filter with a mistake (where the export sends a filter it cannot use).
            case "projecten-fout": await page.GotoAsync("/projecten?jaar=twintig"); break;
            case "project": await page.GotoAsync($"/projecten/{member.Evaluated}"); break;
            case "versie": await page.GotoAsync($"/projecten/{member.Evaluated}/versies/2"); break;
            case "verwijderen": await page.GotoAsync($"/projecten/{member.Evaluated}/verwijderen"); break;
            case "opslaan":
                // Two windows on the same project: the one saved second is told someone saved in between.
                var other = await page.Context.NewPageAsync();
                foreach (var window in new[] { page, other })
                {
                    await window.GotoAsync($"/projecten/{member.Saved}");
                    await window.GetByRole(AriaRole.Link, new() { Name = "Kaart bekijken" }).ClickAsync();
                }
                await other.GetByRole(AriaRole.Button, new() { Name = "Bewaar als nieuwe versie" }).ClickAsync();
                await Expect(other).ToHaveURLAsync(new Regex("/projecten/[0-9a-f-]{36}$"));
                await page.GetByRole(AriaRole.Button, new() { Name = "Bewaar als nieuwe versie" }).ClickAsync();
                await Expect(page.Locator("h1")).ToHaveTextAsync("Iemand anders heeft dit project intussen opgeslagen");
                break;
            case "delen":
                await page.GotoAsync($"/projecten/{member.Evaluated}/delen");
                await page.GetByLabel("Omschrijving (mag leeg)").FillAsync("Gemeente Zuidwest-Friesland, afdeling Sociaal Domein en Participatie");
                await page.GetByRole(AriaRole.Button, new() { Name = "Link maken" }).ClickAsync();
                await Expect(page.GetByLabel("Kopieer de link nu: hij wordt maar één keer getoond.")).ToHaveValueAsync(new Regex("/gedeeld/"));
                break;
            case "gedeeld":
                await page.GotoAsync(member.SharedLink);
                await Expect(page.Locator(".view-geld")).ToBeVisibleAsync();
                break;
            case "organisatie": await page.GotoAsync("/organisatie"); break;
            case "api-sleutels":
                await page.GotoAsync("/organisatie/api-sleutels");
                await page.GetByLabel("Naam van de sleutel").FillAsync("Koppeling met het klantvolgsysteem van de gemeente");
                await page.GetByRole(AriaRole.Button, new() { Name = "Sleutel maken" }).ClickAsync();
                await Expect(page.Locator("code.api-key")).ToBeVisibleAsync();
                break;
            case "logboek": await page.GotoAsync("/organisatie/logboek"); break;
            default: throw new ArgumentOutOfRangeException(nameof(name), name, "unknown page");
        }
    }

    /// <summary>
    /// One organisation for every member page, made once per browser fixture: several saved projects (one with a plan
    /// and an evaluation), a share link, and a signed-in browser session whose cookies each page starts with.
    /// </summary>
    private sealed record Organisation(IReadOnlyList<Cookie> Cookies, Guid Evaluated, Guid Saved, string SharedLink)
    {
        private static readonly SemaphoreSlim Once = new(1, 1);
        private static Organisation? made;

        public static async Task<Organisation> ReadyAsync(BrowserFixture app)
        {
            await Once.WaitAsync();
            try
            {
                return made ??= await MakeAsync(app);
            }
            finally
            {
                Once.Release();
            }
        }

        private static async Task<Organisation> MakeAsync(BrowserFixture app)
        {
            var email = $"telefoon-{Guid.NewGuid():N}@example.nl";
            await app.App.CreateAccountAsync("Stichting Welzijn en Maatschappelijke Dienstverlening Zuidwest", email);
            var projects = await PortfolioProjects.AddManyAsync(app.App, email,
            [
                ("Schuldhulpverlening vroegsignalering Binnenstad-Oost met huisbezoeken", "vroegsignalering-schulden", 90, 60_000m, 2024, "evaluatie"),
                ("Geld op orde Noord", "budgetcoaching", 80, 90_000m, 2025, "plan"),
                ("Samen sterker", "maatjesproject", 40, 30_000m, 2025, "plan"),
                ("Ouderen thuis", "huisbezoek-ouderen", 120, 48_000m, 2023, "evaluatie"),
                ("Buurtbemiddeling Kanaleneiland", "buurtbemiddeling", 60, 35_000m, 2025, "plan"),
                ("Jongerenwerk", "jongerenwerk", 200, 150_000m, 2024, "plan"),
                ("Welzijn op recept", "welzijn-op-recept", 75, 25_000m, 2025, "evaluatie"),
                ("Mantelzorg ontlast", "respijtzorg-mantelzorg", 30, 40_000m, 2024, "plan"),
            ]);

            var page = await app.NewPageAsync();
            await page.GotoAsync("/inloggen");
            await page.GetByLabel("E-mailadres").FillAsync(email);
            await page.GetByLabel("Wachtwoord", new() { Exact = true }).FillAsync(AccountTestSupport.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
            await Expect(page.Locator("form[action='/uitloggen']")).ToHaveCountAsync(1);

            await page.GotoAsync($"/projecten/{projects[0].Id}/delen");
            await page.GetByLabel("Omschrijving (mag leeg)").FillAsync("Fonds");
            await page.GetByRole(AriaRole.Button, new() { Name = "Link maken" }).ClickAsync();
            var link = await page.GetByLabel("Kopieer de link nu: hij wordt maar één keer getoond.").InputValueAsync();
            Assert.Matches("/gedeeld/[A-Za-z0-9_-]{43}$", link);

            var cookies = (await page.Context.CookiesAsync()).Where(c => c.Name != "taal")
                .Select(c => new Cookie { Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, HttpOnly = c.HttpOnly, Secure = c.Secure, SameSite = c.SameSite })
                .ToList();
            await page.Context.CloseAsync();
            return new Organisation(cookies, projects[0].Id, projects[1].Id, link);
        }
    }
}
