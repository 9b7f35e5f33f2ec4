using System.Net;
using Impactkaart.Engine;
using Impactkaart.Reports;
using Impactkaart.Web.Features.Funding;
using Impactkaart.Web.Features.Shared;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using UglyToad.PdfPig;

namespace Impactkaart.Web.Tests;

/// <summary>
/// The council report a funder downloads from its portfolio (/financier/raadsrapportage.pdf and .xlsx), read back as
/// a council member's analyst would: its totals are the portfolio's (<see cref="FunderTotals.Of"/> of the same
/// selection), per scheme or for the whole portfolio, in Dutch or English, with the agreements, the qualitative
/// effects and, last, the method and sources. A bad filter is a message naming the field; only funders get one.
/// </summary>
public sealed class CouncilReportTests(WebApp app) : IClassFixture<WebApp>
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Every page's words in drawing order, one space apart, a page per entry.</summary>
    internal static List<string> PagesOf(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return [.. document.GetPages().Select(p => string.Join(' ', p.GetWords().Select(w => w.Text)))];
    }

    /// <summary>With IMPACTKAART_SCREENSHOTS=1 the report is kept as test output, to look at as a council member would.</summary>
    private static void Keep(string name, byte[] bytes)
    {
        if (Environment.GetEnvironmentVariable(BrowserFixture.ScreenshotsVariable) == "1")
        {
            Directory.CreateDirectory(BrowserFixture.ScreenshotFolder);
            File.WriteAllBytes(Path.Combine(BrowserFixture.ScreenshotFolder, name), bytes);
        }
    }

    private static double Number(object? cell) => Convert.ToDouble(cell, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_pdf_of_one_scheme_has_a_title_page_and_the_totals_of_that_scheme_in_the_portfolio()
    {
        var setup = await FunderReadingSupport.FunderWithTwoProjectsAsync(app, "Gemeente Raadstad", "Welzijn Raadstad");
        await FunderReadingSupport.AgreementAsync(app, setup.Coaching, setup.Funder, "Huishoudens met een betalingsregeling", 40, 32, "Acht gezinnen wachten nog op de bank.");
        var rows = await app.FunderRowsAsync(setup.Funder, new FunderFilter(Scheme: "Welzijn 2026"));
        var totals = FunderTotals.Of(rows);
        var uncertainty = await app.WithServicesAsync(s => s.GetRequiredService<FunderPortfolio>().UncertaintyAsync(rows));
        var f = new Formats(Language.Nl);

        using var response = await setup.FunderSite.GetAsync("/financier/raadsrapportage.pdf?regeling=Welzijn%202026");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Keep("raadsrapportage.pdf", bytes);
        var pages = PagesOf(bytes);
        Assert.True(pages.Count >= 3, $"{pages.Count} pages");
        var title = pages[0];
        Assert.Contains("Raadsrapportage maatschappelijke opbrengst", title, StringComparison.Ordinal);
        Assert.Contains("Gemeente Raadstad", title, StringComparison.Ordinal);
        Assert.Contains("Regeling: Welzijn 2026", title, StringComparison.Ordinal);
        Assert.Contains("1 project van 1 aanbieder, samen 80 deelnemers", title, StringComparison.Ordinal);
        var body = string.Join(' ', pages.Skip(1));
        Assert.Contains("Geïnvesteerd: " + f.Amount(totals.InvestedCents / 100m), body, StringComparison.Ordinal);
        Assert.Equal("€ 90.000", f.Amount(totals.InvestedCents / 100m));
        Assert.Contains("Baten " + f.Amount(totals.BenefitsCents / 100m), body, StringComparison.Ordinal);
        Assert.Contains("Baten " + f.Amount(totals.WelfareBenefitsCents / 100m), body, StringComparison.Ordinal);
        var spread = uncertainty!.Headline;
        Assert.Contains(f.AmountRange(spread.NetPresentValueP10.Euros, spread.NetPresentValueP90.Euros), body, StringComparison.Ordinal);
        Assert.Contains("Kans dat de portefeuille meer oplevert dan hij kost: " + f.Chance(spread.ProbabilityPositive.Value), body, StringComparison.Ordinal);
        // Who gained: the municipality first, with its share.
        var gained = body[body.IndexOf("Wie er baat bij heeft", StringComparison.Ordinal)..];
        Assert.StartsWith("Wie er baat bij heeft Partij Baten waarvan overdrachten Gemeente " + f.Amount(totals.ByPayer[0].Cents / 100m), gained, StringComparison.Ordinal);
        Assert.Contains("Bespaarde uren en fte per sector", body, StringComparison.Ordinal);
        Assert.Contains("Budgetcoaching Noord", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Huisbezoek 75+ Oost", body, StringComparison.Ordinal);
        // A table cell wraps, and its lines are read across the row: the words, not the phrase.
        Assert.Contains("betalingsregeling", body, StringComparison.Ordinal);
        Assert.Contains("gezinnen", body, StringComparison.Ordinal);
        Assert.Contains("Wat niet in euro's te vangen is", body, StringComparison.Ordinal);
        // Method and sources on the last page, and nowhere else.
        Assert.Contains("Methode", pages[^1], StringComparison.Ordinal);
        Assert.Contains("nooit de som van de P10's", pages[^1], StringComparison.Ordinal);
        Assert.Contains("Bronnen", pages[^1], StringComparison.Ordinal);
        Assert.Contains(await app.AuditAsync(setup.Provider.OrganisationId),
            e => e.Action == FundingCodes.Viewed && e.Subject.Contains("Gemeente Raadstad", StringComparison.Ordinal) && e.Subject.Contains("raadsrapportage", StringComparison.Ordinal));
        Assert.Contains(await app.AuditAsync(setup.Funder.OrganisationId), e => e.Action == FundingCodes.Viewed && e.Subject.Contains("raadsrapportage", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_pdf_of_the_whole_portfolio_in_English_holds_both_published_examples_investing_127000_euro()
    {
        var setup = await FunderReadingSupport.FunderWithTwoProjectsAsync(app, "Municipality of Reportford", "Welzijn Reportford");

        using var response = await setup.FunderSite.GetAsync("/financier/raadsrapportage.pdf?taal=en");

        var bytes = await response.Content.ReadAsByteArrayAsync();
        Keep("council-report.pdf", bytes);
        var pages = PagesOf(bytes);
        Assert.Contains("Council report on social return", pages[0], StringComparison.Ordinal);
        Assert.Contains("Whole portfolio", pages[0], StringComparison.Ordinal);
        Assert.Contains("2 projects by 1 provider, together 120 participants", pages[0], StringComparison.Ordinal);
        var body = string.Join(' ', pages.Skip(1));
        Assert.Contains("Invested: €127,000", body, StringComparison.Ordinal);
        Assert.Contains("Nursing, care and home care", body, StringComparison.Ordinal);
        Assert.Contains("No result agreements have been accepted", body, StringComparison.Ordinal);
        Assert.Contains("never the sum of the projects' P10s", pages[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_workbook_has_the_portfolios_totals_and_a_sheet_per_part()
    {
        var setup = await FunderReadingSupport.FunderWithTwoProjectsAsync(app, "Gemeente Rekenstad", "Welzijn Rekenstad");
        await FunderReadingSupport.AgreementAsync(app, setup.Visits, setup.Funder, "Ouderen met een vast aanspreekpunt", 35, null, "");
        var rows = await app.FunderRowsAsync(setup.Funder);
        var totals = FunderTotals.Of(rows);

        using var response = await setup.FunderSite.GetAsync("/financier/raadsrapportage.xlsx");

        Assert.Equal(Xlsx, response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Keep("raadsrapportage.xlsx", bytes);
        using var stream = new MemoryStream(bytes);
        Assert.Equal(["Totalen", "Projecten", "Partijen", "Sectoren", "Afspraken", "Kwalitatief", "Bronnen"], MiniExcel.GetSheetNames(stream));
        var values = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "Totalen").Cast<IDictionary<string, object?>>()
            .Where(r => r["Wat"] is string).ToDictionary(r => (string)r["Wat"]!, r => r["Waarde"]);
        Assert.Equal("Gemeente Rekenstad", values["Financier"]);
        Assert.Equal("Hele portefeuille", values["Selectie"]);
        Assert.Equal(2.0, Number(values["Projecten"]));
        Assert.Equal(totals.InvestedCents / 100.0, Number(values["Geïnvesteerd (euro)"]));
        Assert.Equal(totals.BenefitsCents / 100.0, Number(values["Baten, geldstromen (euro)"]), 2);
        Assert.Equal(totals.WelfareBenefitsCents / 100.0, Number(values["Baten, maatschappelijke welvaart (euro)"]), 2);
        Assert.True(Number(values["Netto contante waarde P10 (euro)"]) < Number(values["Netto contante waarde P90 (euro)"]));

        var projects = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "Projecten").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(3, projects.Count);
        Assert.Equal("Totaal", projects[^1]["Aanbieder"]);
        Assert.Equal(127_000.0, Number(projects[^1]["Geïnvesteerd (euro)"]));
        Assert.Equal(totals.InvestedCents / 100.0, projects.Take(2).Sum(p => Number(p["Geïnvesteerd (euro)"])));

        var payers = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "Partijen").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal("Gemeente", payers[0]["Partij"]);
        Assert.Equal(totals.ByPayer.Sum(p => p.Cents) / 100.0, payers.Sum(p => Number(p["Baten (euro)"])), 2);
        var sectors = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "Sectoren").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(totals.HoursSaved, sectors.Sum(s => Number(s["Uren"])), 0);
        var agreement = Assert.Single(MiniExcel.Query(stream, useHeaderRow: true, sheetName: "Afspraken").Cast<IDictionary<string, object?>>());
        Assert.Equal("Ouderen met een vast aanspreekpunt", agreement["Afgesproken resultaat"]);
        Assert.Equal(35.0, Number(agreement["Doel"]));
        Assert.Equal("nog niet gemeld", agreement["Gerealiseerd"]);
        Assert.NotEmpty(MiniExcel.Query(stream, useHeaderRow: true, sheetName: "Kwalitatief"));
        var sources = string.Join('\n', MiniExcel.Query(stream, sheetName: "Bronnen").Cast<IDictionary<string, object?>>().SelectMany(r => r.Values).OfType<string>());
        Assert.Contains("Monte-Carlosimulatie", sources, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_filter_that_names_nothing_gets_a_page_naming_the_field_and_no_report()
    {
        var setup = await FunderReadingSupport.FunderWithTwoProjectsAsync(app, "Gemeente Foutstad", "Welzijn Foutstad");

        using var response = await setup.FunderSite.GetAsync("/financier/raadsrapportage.pdf?jaar=vorig%20jaar&fase=klaar");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Startjaar: vul een jaartal in van vier cijfers", page, StringComparison.Ordinal);
        Assert.Contains("Fase: kies plan of evaluatie", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/financier\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain(await app.AuditAsync(setup.Funder.OrganisationId), e => e.Action == FundingCodes.Viewed);
    }

    [Fact]
    public async Task A_member_of_an_organisation_that_funds_nothing_finds_no_council_report()
    {
        var (provider, _) = await FunderReadingSupport.SignedInAsync(app, "Welzijn Geen Financier", funder: false);

        foreach (var path in new[] { "/financier/raadsrapportage.pdf", "/financier/raadsrapportage.xlsx" })
        {
            using var response = await provider.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        using var anonymous = await app.Client().GetAsync("/financier/raadsrapportage.pdf");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/inloggen", anonymous.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
