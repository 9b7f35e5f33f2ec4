using System.Globalization;
using System.Net;
using System.Text;
using Impactkaart.Engine;
using Impactkaart.Engine.Calculation;
using Impactkaart.Reports;
using Impactkaart.Web.Data;
using Impactkaart.Web.Features.Funding;
using Impactkaart.Web.Features.Shared;
using MiniExcel = MiniExcelLibs.MiniExcel;
using Microsoft.EntityFrameworkCore;

namespace Impactkaart.Web.Tests;

/// <summary>
/// The funder's portfolio (/financier) over HTTP: its totals are those of the rows the funder may see, its filters
/// narrow them, a wrong filter value gets a message naming the field, the CSV and the workbook read back with the same
/// totals and the uncertainty, a connected project's map is read-only, and every look is in both organisations' logs.
/// </summary>
public abstract class FunderPortfolioTests(WebApp app)
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");
    private static readonly Formats Nl = new(Language.Nl);

    /// <summary>A client signed in as the member (made in the store by <see cref="FundingTestSupport"/>).</summary>
    public static async Task<HttpClient> SignedInAsync(WebApp app, Member member)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(member);
        var client = app.Client();
        var signedIn = await AccountTestSupport.SignInAsync(client, member.Email!);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return client;
    }

    /// <summary>
    /// A funder with three connected projects of two providers: Alfa's budget coaching (scheme Welzijn 2026, Noord and
    /// Oost) and home visits (scheme Ouderen 2026, Oost), Beta's evaluated budget coaching from 2025 (Welzijn 2026, Zuid).
    /// </summary>
    private async Task<(Member Funder, Member Alfa, Member Beta, HttpClient Client)> PortfolioAsync(string town)
    {
        var funder = await app.OrganisationAsync("Gemeente " + town, funder: true);
        var alfa = await app.OrganisationAsync("Welzijn Alfa " + town, funder: false);
        var beta = await app.OrganisationAsync("Welzijn Beta " + town, funder: false);
        await app.ConnectAsync(alfa, await app.ProjectAsync(alfa, FundingTestSupport.BudgetCoaching("Budgetcoaching Noord")), funder, "Welzijn 2026", "Noord; Oost");
        await app.ConnectAsync(alfa, await app.ProjectAsync(alfa, FundingTestSupport.HomeVisits("Huisbezoek Oost")), funder, "Ouderen 2026", "Oost");
        var evaluated = FundingTestSupport.BudgetCoaching("Geld op orde Zuid");
        (evaluated.Start, evaluated.Phase, evaluated.Participants) = ("2025-03-01", PhaseWord.Evaluation, "60");
        await app.ConnectAsync(beta, await app.ProjectAsync(beta, evaluated), funder, "Welzijn 2026", "Zuid");
        return (funder, alfa, beta, await SignedInAsync(app, funder));
    }

    [Fact]
    public async Task The_two_published_examples_connected_to_one_funder_show_127000_euro_invested_and_about_900_hours_of_nursing_and_care()
    {
        var funder = await app.OrganisationAsync("Gemeente Voorbeeldstad", funder: true);
        var provider = await app.OrganisationAsync("Welzijn Voorbeeldstad", funder: false);
        await app.ConnectAsync(provider, await app.ProjectAsync(provider, FundingTestSupport.BudgetCoaching()), funder);
        await app.ConnectAsync(provider, await app.ProjectAsync(provider, FundingTestSupport.HomeVisits()), funder);
        var client = await SignedInAsync(app, funder);

        var html = await client.GetStringAsync("/financier");

        Assert.Equal("€ 127.000", Figure(html, "invested"));
        var nursing = Html.ByAttribute(html, "data-sector", "verpleging-verzorging");
        Assert.NotNull(nursing);
        Assert.StartsWith("Verpleging, verzorging en thuiszorg ", Html.Text(nursing), StringComparison.Ordinal);
        Assert.InRange(Number(Html.Text(nursing).Split(' ')[^2]), 850m, 950m);
    }

    [Fact]
    public async Task The_page_shows_the_totals_of_its_rows_in_both_views_who_gains_with_the_municipality_first_and_the_work_saved_per_sector()
    {
        var (funder, _, _, client) = await PortfolioAsync("Totaalstad");
        var totals = FunderTotals.Of(await app.FunderRowsAsync(funder));

        var response = await client.GetAsync("/financier");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("3", Figure(html, "projects"));
        Assert.Equal("2", Figure(html, "providers"));
        Assert.Equal(Nl.Number(totals.Participants, 0), Figure(html, "participants"));
        Assert.Equal(Nl.Amount(totals.InvestedCents / 100m), Figure(html, "invested"));
        Assert.Equal(Nl.Amount(totals.BenefitsCents / 100m), Figure(html, "benefits-geld"));
        Assert.Equal(Nl.Amount(totals.WelfareBenefitsCents / 100m), Figure(html, "benefits-samenleving"));
        Assert.Equal(Nl.Money((decimal)totals.Ratio!.Value), Figure(html, "ratio-geld"));
        Assert.Equal(Nl.Money((decimal)totals.WelfareRatio!.Value), Figure(html, "ratio-samenleving"));
        var text = Html.Text(html);
        Assert.Contains("Wat overheid, zorg en werkgevers besparen, uitkeringen meegerekend.", text, StringComparison.Ordinal);
        Assert.Contains("uitkeringen niet meegerekend (zoals in een MKBA)", text, StringComparison.Ordinal);

        Assert.Equal("Wie profiteert", Html.Text(Html.ByAttribute(html, "id", "wie-profiteert")));
        // The municipality's own share comes first, whatever it is.
        Assert.Equal(html.IndexOf("data-payer=\"", StringComparison.Ordinal), html.IndexOf("data-payer=\"gemeente\"", StringComparison.Ordinal));
        foreach (var (payer, cents, transfers) in totals.ByPayer)
        {
            Assert.Equal($"{PayerLabel(payer)} {Nl.Amount(cents / 100m)} {Nl.Amount(transfers / 100m)}", Html.Text(Html.ByAttribute(html, "data-payer", payer)));
        }
        foreach (var (sector, hours, fte) in totals.BySector)
        {
            Assert.Equal($"{SectorLabel(sector)} {Nl.Number((decimal)hours, 0)} {Nl.Fixed((decimal)fte, 2)}", Html.Text(Html.ByAttribute(html, "data-sector", sector)));
        }
        Assert.Contains($"Samen besparen deze projecten {Nl.Count((decimal)totals.HoursSaved, Nouns.Hour)} werk van professionals", text, StringComparison.Ordinal);
        Assert.Contains("het meest in: " + SectorLabel(totals.BySector[0].SectorId), text, StringComparison.Ordinal);
        Assert.Equal(3, CountOf(html, "href=\"/financier/projecten/"));
    }

    [Fact]
    public async Task Each_filter_narrows_the_projects_and_the_totals_to_its_choice()
    {
        var (funder, alfa, beta, client) = await PortfolioAsync("Filterstad");
        var all = await app.FunderRowsAsync(funder);
        var homeVisitsTheme = all.Single(r => r.Name == "Huisbezoek Oost").Theme;

        (string Query, string[] Names)[] cases =
        [
            ($"aanbieder={beta.OrganisationId}", ["Geld op orde Zuid"]),
            ($"aanbieder={alfa.OrganisationId}", ["Budgetcoaching Noord", "Huisbezoek Oost"]),
            ("regeling=welzijn%202026", ["Budgetcoaching Noord", "Geld op orde Zuid"]),
            ("wijk=Oost", ["Budgetcoaching Noord", "Huisbezoek Oost"]),
            ("jaar=2025", ["Geld op orde Zuid"]),
            ("fase=evaluatie", ["Geld op orde Zuid"]),
            ("thema=" + homeVisitsTheme, ["Huisbezoek Oost"]),
            ("regeling=Welzijn%202026&wijk=Noord", ["Budgetcoaching Noord"]),
        ];
        foreach (var (query, names) in cases)
        {
            var response = await client.GetAsync("/financier?" + query);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var listed = all.Where(r => html.Contains($"href=\"/financier/projecten/{r.FundingId}\"", StringComparison.Ordinal)).Select(r => r.Name).Order();
            Assert.Equal(names.Order(), listed);
            var shown = all.Where(r => names.Contains(r.Name)).ToList();
            Assert.Equal(Nl.Amount(FunderTotals.Of(shown).InvestedCents / 100m), Figure(html, "invested"));
            Assert.Contains("Totalen van deze keuze", Html.Text(html), StringComparison.Ordinal);
            Assert.Contains(Nl.Count(shown.Count, Nouns.Project), Html.Text(Html.ByClass(html, "funder-projects")), StringComparison.Ordinal);
        }
        var none = await client.GetStringAsync("/financier?jaar=2030");
        Assert.Contains("Geen projecten met deze keuze.", Html.Text(none), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_filter_value_that_is_not_among_the_funders_own_gets_a_message_naming_the_field_never_an_error_page()
    {
        var (funder, _, _, client) = await PortfolioAsync("Foutstad");
        var stranger = await app.OrganisationAsync("Welzijn Vreemd Foutstad", funder: false);

        (string Query, string Message)[] cases =
        [
            ("aanbieder=geen-id", "Aanbieder: kies een aanbieder uit de lijst."),
            ($"aanbieder={stranger.OrganisationId}", "Aanbieder: kies een aanbieder uit de lijst."),
            ("thema=bestaat-niet", "Thema: kies een thema uit de lijst."),
            ("regeling=%3Cscript%3Ealert(1)%3C%2Fscript%3E", "Regeling: kies een regeling uit de lijst."),
            ("wijk=Maan", "Wijk: kies een wijk uit de lijst."),
            ("jaar=twintig", "Startjaar: vul een jaartal in van vier cijfers, zoals 2025."),
            ("jaar=99999999999999999999", "Startjaar: vul een jaartal in van vier cijfers, zoals 2025."),
            ("fase=klaar", "Fase: kies plan of evaluatie."),
        ];
        foreach (var (query, message) in cases)
        {
            var response = await client.GetAsync("/financier?" + query);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(message, Html.Text(Html.ByClass(html, "error-message")), StringComparison.Ordinal);
            Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
            // The wrong choice is not applied: the page shows the whole portfolio under the message.
            Assert.Equal("3", Figure(html, "projects"));
        }
        var english = await SignedInAsync(app, funder);
        await english.GetAsync("/taal/en");
        Assert.Contains("Start year: enter four digits, such as 2025.", await english.TextAsync("/financier?jaar=abc"), StringComparison.Ordinal);
        var export = await client.GetAsync("/financier/export.csv?fase=klaar");
        Assert.Equal(HttpStatusCode.Redirect, export.StatusCode);
        Assert.Equal("/financier?fase=klaar", export.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_uncertainty_is_of_one_simulation_over_all_projects_and_can_be_left_out()
    {
        var (_, _, _, client) = await PortfolioAsync("Onzekerstad");

        var html = await client.GetStringAsync("/financier");
        var plain = await client.GetStringAsync("/financier?wijk=Oost&onzekerheid=nee");

        var text = Html.Text(html);
        Assert.Contains("Dit is één simulatie over alle projecten samen: projecten van hetzelfde referentieproject vallen daarin samen mee of tegen", text, StringComparison.Ordinal);
        Assert.Contains("Daarom is dit niet de som van de bandbreedtes van de projecten.", text, StringComparison.Ordinal);
        var money = Html.Text(Html.ByAttribute(html, "data-spread", "geld"));
        var welfare = Html.Text(Html.ByAttribute(html, "data-spread", "samenleving"));
        Assert.StartsWith("Opbrengst in geld € ", money, StringComparison.Ordinal);
        Assert.StartsWith("Maatschappelijke waarde € ", welfare, StringComparison.Ordinal);
        var amounts = money.Split("€ ")[1..].Select(a => Number(a.Split(' ')[0])).ToList();
        Assert.True(amounts[0] < amounts[1] && amounts[1] < amounts[2], money);
        Assert.Matches("(\\d+%|> 99%|< 1%)$", money);
        Assert.Contains("Netto contante waarde van alle 3 projecten samen", text, StringComparison.Ordinal);

        Assert.Null(Html.ByAttribute(plain, "data-spread", "geld"));
        Assert.Contains("De onzekerheid is niet berekend.", Html.Text(plain), StringComparison.Ordinal);
        Assert.Equal("/financier?wijk=Oost", Html.Link(plain, "Toon met onzekerheid"));
        Assert.Contains("name=\"onzekerheid\" value=\"nee\"", plain, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_csv_has_a_row_per_project_and_a_totals_row_with_the_uncertainty_and_no_formulas()
    {
        var (funder, alfa, _, client) = await PortfolioAsync("Csvstad");
        await app.ConnectAsync(alfa, await app.ProjectAsync(alfa, FundingTestSupport.HomeVisits("=HYPERLINK(\"http://kwaad.example\")")), funder, "-Ouderen", "Oost");
        var rows = await app.FunderRowsAsync(funder, new FunderFilter(Provider: alfa.OrganisationId));
        var totals = FunderTotals.Of(rows);

        var response = await client.GetAsync($"/financier/export.csv?aanbieder={alfa.OrganisationId}");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Matches("^impactkaart-financier-\\d{4}-\\d\\d-\\d\\d\\.csv$", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = PortfolioExportTests.ParseCsv(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
        var header = lines[0];
        Assert.Equal(["Aanbieder", "Project", "Referentieproject", "Thema", "Regeling", "Wijken", "Startjaar", "Fase", "Deelnemers", "Geïnvesteerd (euro)",
            "Baten in geld (euro)", "Opbrengst in geld per euro", "Maatschappelijke baten (euro)", "Maatschappelijke waarde per euro", "Uren bespaard", "Fte bespaard"], header[..16]);
        Assert.Equal("Baten Gemeente (euro)", header[16]);
        Assert.Contains("Uren Verpleging, verzorging en thuiszorg", header);
        Assert.Equal("Totaal: kans netto contante waarde maatschappelijk boven nul", header[^1]);
        Assert.Equal(rows.Count + 2, lines.Count);
        Assert.All(lines, l => Assert.Equal(header.Length, l.Length));

        var guarded = lines.Single(l => l[1].Contains("HYPERLINK", StringComparison.Ordinal));
        Assert.Equal("'=HYPERLINK(\"http://kwaad.example\")", guarded[1]);
        Assert.Equal("'-Ouderen", guarded[4]);
        var coaching = lines.Single(l => l[1] == "Budgetcoaching Noord");
        Assert.Equal(["Welzijn Alfa Csvstad", "Budgetcoaching Noord", "Budgetcoaching", "Schuldproblematiek", "Welzijn 2026", "Noord, Oost", "2026", "Plan", "80", "90000"], coaching[..10]);
        Assert.Equal("", coaching[^1]);

        var total = lines[^1];
        Assert.Equal(["Totaal", "3 projecten"], total[..2]);
        Assert.Equal(totals.Participants, long.Parse(total[8], Dutch));
        Assert.Equal(totals.InvestedCents / 100m, decimal.Parse(total[9], Dutch));
        Assert.Equal(totals.BenefitsCents / 100m, decimal.Parse(total[10], Dutch));
        Assert.Equal(Math.Round((decimal)totals.Ratio!.Value, 4), decimal.Parse(total[11], Dutch));
        Assert.Equal(totals.WelfareBenefitsCents / 100m, decimal.Parse(total[12], Dutch));
        Assert.Equal(totals.ByPayer.Single(p => p.PayerId == "gemeente").Cents / 100m, decimal.Parse(total[16], Dutch));
        var uncertainty = total[^8..].Select(v => decimal.Parse(v, Dutch)).ToArray();
        Assert.True(uncertainty[0] < uncertainty[1] && uncertainty[1] < uncertainty[2], string.Join(" ", uncertainty));
        Assert.InRange(uncertainty[3], 0m, 1m);
        Assert.Contains(",", total[9] + total[10], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_workbook_has_the_projects_and_a_totals_sheet_with_the_totals_and_the_range_of_the_page()
    {
        var (funder, _, _, client) = await PortfolioAsync("Excelstad");
        var rows = await app.FunderRowsAsync(funder, new FunderFilter(Scheme: "Welzijn 2026"));
        var totals = FunderTotals.Of(rows);

        var response = await client.GetAsync("/financier/export.xlsx?regeling=Welzijn+2026");
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var page = await client.GetStringAsync("/financier?regeling=Welzijn+2026");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Projecten", "Totalen"], MiniExcel.GetSheetNames(stream));
        var projects = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "Projecten").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(3, projects.Count);
        Assert.Equal(["Budgetcoaching Noord", "Geld op orde Zuid", "2 projecten"], projects.Select(p => (string)p["Project"]!));
        Assert.Equal(totals.InvestedCents / 100m, Convert.ToDecimal(projects[2]["Geïnvesteerd (euro)"], CultureInfo.InvariantCulture));

        var summary = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "Totalen").Cast<IDictionary<string, object?>>()
            .ToDictionary(r => (string)r["Wat"]!, r => r["Waarde"]);
        decimal Value(string what) => Convert.ToDecimal(summary[what], CultureInfo.InvariantCulture);
        Assert.Equal(2m, Value("Projecten"));
        Assert.Equal(2m, Value("Aanbieders"));
        Assert.Equal(totals.InvestedCents / 100m, Value("Geïnvesteerd (euro)"));
        Assert.Equal(totals.BenefitsCents / 100m, Value("Baten in geld (euro)"));
        Assert.Equal(totals.WelfareBenefitsCents / 100m, Value("Maatschappelijke baten (euro)"));
        Assert.Equal(totals.ByPayer[0].Cents / 100m, Value("Baten per partij (euro): Gemeente"));
        Assert.Equal(Math.Round((decimal)totals.BySector[0].Hours, 1), Value("Uren bespaard: " + SectorLabel(totals.BySector[0].SectorId)));
        // The range in the workbook is the one on the page (same selection, same simulation).
        var p10 = Value("Netto contante waarde in geld P10 (euro)");
        Assert.Contains(Nl.Amount(p10), Html.Text(Html.ByAttribute(page, "data-spread", "geld")), StringComparison.Ordinal);
        Assert.True(p10 < Value("Netto contante waarde in geld P50 (euro)"));
        Assert.True(Value("Netto contante waarde maatschappelijk P50 (euro)") < Value("Netto contante waarde maatschappelijk P90 (euro)"));
        Assert.InRange(Value("Kans netto contante waarde in geld boven nul"), 0m, 1m);
    }

    [Fact]
    public async Task An_organisation_that_does_not_fund_gets_an_explanation_and_a_funder_without_projects_learns_how_providers_connect_them()
    {
        var provider = await SignedInAsync(app, await app.OrganisationAsync("Welzijn Geen Financier", funder: false));
        var funder = await SignedInAsync(app, await app.OrganisationAsync("Gemeente Nog Leeg", funder: true));

        var notFunding = await provider.GetAsync("/financier");
        var empty = await funder.GetAsync("/financier");
        var notFundingExport = await provider.GetAsync("/financier/export.xlsx");
        var anonymous = await app.Client().GetAsync("/financier");

        Assert.Equal(HttpStatusCode.OK, notFunding.StatusCode);
        var explained = await notFunding.Content.ReadAsStringAsync();
        Assert.Contains("Deze pagina is voor financiers", Html.Text(explained), StringComparison.Ordinal);
        Assert.Equal("/organisatie", Html.Link(explained, "Organisatie"));
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        var emptyHtml = await empty.Content.ReadAsStringAsync();
        Assert.Contains("Nog geen gekoppelde projecten.", Html.Text(emptyHtml), StringComparison.Ordinal);
        Assert.Contains("een beheerder van uw organisatie neemt dat verzoek aan op", Html.Text(emptyHtml), StringComparison.Ordinal);
        Assert.Equal("/financier/aanbieders", Html.Link(emptyHtml, "Aanbieders"));
        Assert.Equal(HttpStatusCode.Redirect, notFundingExport.StatusCode);
        Assert.Equal("/financier", notFundingExport.Headers.Location!.OriginalString);
        Assert.StartsWith("/inloggen", anonymous.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_connected_projects_map_shows_its_provider_scheme_and_neighbourhoods_read_only_and_each_look_is_in_both_logs()
    {
        var (funder, alfa, _, client) = await PortfolioAsync("Kaartstad");
        var row = (await app.FunderRowsAsync(funder)).Single(r => r.Name == "Budgetcoaching Noord");

        var response = await client.GetAsync($"/financier/projecten/{row.FundingId}");
        var html = await response.Content.ReadAsStringAsync();
        await client.GetAsync($"/financier/projecten/{row.FundingId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Impactkaart: Budgetcoaching Noord", Html.Text(html[html.IndexOf("<h1", StringComparison.Ordinal)..html.IndexOf("</h1>", StringComparison.Ordinal)]));
        Assert.Equal("Aanbieder: Welzijn Alfa Kaartstad · Regeling: Welzijn 2026 · Wijken: Noord, Oost", Html.Text(Html.ByAttribute(html, "data-funding", "")));
        Assert.Equal($"/financier/projecten/{row.FundingId}/afspraken", Html.Link(html, "Resultaatafspraken"));
        Assert.Contains("per geïnvesteerde euro", Html.Text(Html.ByClass(html, "view-geld")), StringComparison.Ordinal);
        Assert.DoesNotContain("<form", html[html.IndexOf("<main", StringComparison.Ordinal)..html.IndexOf("</main>", StringComparison.Ordinal)], StringComparison.Ordinal);
        Assert.DoesNotContain("/versies/", html, StringComparison.Ordinal);
        Assert.DoesNotContain(alfa.DisplayName, Html.Text(html), StringComparison.Ordinal);

        var funderLog = (await app.AuditAsync(funder.OrganisationId)).Where(a => a.Action == FundingCodes.Viewed).ToList();
        var providerLog = (await app.AuditAsync(alfa.OrganisationId)).Where(a => a.Action == FundingCodes.Viewed).ToList();
        Assert.Equal(2, funderLog.Count(a => a.Subject == "Welzijn Alfa Kaartstad: kaart van Budgetcoaching Noord"));
        Assert.Equal(2, providerLog.Count(a => a.Subject == "Gemeente Kaartstad: kaart van Budgetcoaching Noord"));
        Assert.All(providerLog, a => Assert.Equal($"{funder.DisplayName} (Gemeente Kaartstad)", a.MemberName));
    }

    [Fact]
    public async Task A_look_at_the_portfolio_or_an_export_is_logged_once_an_hour_per_member_in_the_funders_log_and_each_providers_log()
    {
        var (funder, alfa, beta, client) = await PortfolioAsync("Logstad");

        await client.GetAsync("/financier");
        await client.GetAsync("/financier?wijk=Oost");
        await client.GetAsync("/financier/export.csv");
        await client.GetAsync("/financier/export.xlsx");

        var funderLog = (await app.AuditAsync(funder.OrganisationId)).Where(a => a.Action == FundingCodes.Viewed).Select(a => a.Subject).ToList();
        Assert.Equal(["portefeuille: 3 projecten van 2 aanbieders", "export: 3 projecten van 2 aanbieders"], funderLog);
        Assert.Equal(["Gemeente Logstad: portefeuille (2 projecten)", "Gemeente Logstad: export (2 projecten)"],
            (await app.AuditAsync(alfa.OrganisationId)).Where(a => a.Action == FundingCodes.Viewed).Select(a => a.Subject));
        Assert.Equal(["Gemeente Logstad: portefeuille (1 project)", "Gemeente Logstad: export (1 project)"],
            (await app.AuditAsync(beta.OrganisationId)).Where(a => a.Action == FundingCodes.Viewed).Select(a => a.Subject));

        // An hour later the next look is logged again.
        await app.WithDbAsync(async (db, _) =>
        {
            foreach (var entry in await db.AuditEntries.Where(a => a.Action == FundingCodes.Viewed).ToListAsync())
            {
                entry.At = entry.At.AddMinutes(-61);
            }
            return await db.SaveChangesAsync();
        });
        await client.GetAsync("/financier");
        Assert.Equal(2, (await app.AuditAsync(funder.OrganisationId)).Count(a => a.Action == FundingCodes.Viewed && a.Subject.StartsWith("portefeuille", StringComparison.Ordinal)));
    }

    private static string Figure(string html, string name) => Html.Text(Html.ByAttribute(html, "data-figure", name));

    private static decimal Number(string text) => decimal.Parse(text.Replace("€", "", StringComparison.Ordinal).Trim(), NumberStyles.Number, Dutch);

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    private static string PayerLabel(string id) => Engine.Model.ModelLoader.Shipped.Payers.Single(p => p.Id == id).Label.Nl;

    private static string SectorLabel(string id) => Engine.Model.ModelLoader.Shipped.Sectors.Single(s => s.Id == id).Label.Nl;
}

public sealed class SqliteFunderPortfolioTests(WebApp app) : FunderPortfolioTests(app), IClassFixture<WebApp>;

[Trait(Needs.Trait, Needs.Postgres)]
public sealed class PostgresFunderPortfolioTests(PostgresWebApp app) : FunderPortfolioTests(app), IClassFixture<PostgresWebApp>;
