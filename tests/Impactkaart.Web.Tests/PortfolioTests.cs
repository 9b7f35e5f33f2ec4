using System.Net;
using System.Text.RegularExpressions;
using Impactkaart.Engine;
using Impactkaart.Reports;

namespace Impactkaart.Web.Tests;

/// <summary>The portfolio page: the organisation's projects with totals, filters, sorting and pages.</summary>
public sealed partial class PortfolioTests(WebApp app) : IClassFixture<WebApp>
{
    private static readonly Formats Dutch = new(Language.Nl);

    [Fact]
    public async Task An_organisation_without_projects_gets_a_friendly_start()
    {
        var client = await app.RegisterAsync("Stichting Leeg", "leeg@portfolio.nl");

        var response = await client.GetAsync("/projecten");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Nog geen projecten. Maak een kaart en bewaar die als project.", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/stap-1\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_portfolio_asks_for_a_sign_in()
    {
        var response = await app.Client().GetAsync("/projecten");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/inloggen", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_portfolio_lists_its_own_projects_with_totals_and_never_another_organisations()
    {
        var client = await app.RegisterAsync("Welzijn Totaal", "totaal@portfolio.nl");
        await app.RegisterAsync("Anders BV", "anders@portfolio.nl");
        var ours = await PortfolioProjects.AddManyAsync(app, "totaal@portfolio.nl",
        [
            ("Geld op orde Noord", "budgetcoaching", 80, 90_000m, 2025, "plan"),
            ("Samen sterker", "maatjesproject", 40, 30_000m, 2024, "evaluatie"),
            ("Buurt in balans", "buurtbemiddeling", 60, 45_000m, 2025, "plan"),
        ]);
        await PortfolioProjects.AddAsync(app, "totaal@portfolio.nl", "Weggegooid project", deleted: true);
        await PortfolioProjects.AddAsync(app, "anders@portfolio.nl", "Geheim project van een ander");

        var html = await client.GetStringAsync("/projecten");

        Assert.Contains("Geld op orde Noord", html, StringComparison.Ordinal);
        Assert.Contains("Samen sterker", html, StringComparison.Ordinal);
        Assert.Contains("Buurt in balans", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Weggegooid project", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Geheim project van een ander", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/projecten/{ours[0].Id}\"", html, StringComparison.Ordinal);
        // The totals: three projects; the sums of the rows (euros, rounded for the page); ratio = sum benefits / sum invested.
        var invested = ours.Sum(p => p.InvestedCents);
        var benefits = ours.Sum(p => p.BenefitsCents);
        Assert.Equal("3", KeyFigure(html, "Projecten"));
        Assert.Equal(Dutch.MoneyWhole(invested / 100m), KeyFigure(html, "Geïnvesteerd"));
        Assert.Equal(Dutch.MoneyWhole(benefits / 100m), KeyFigure(html, "Baten"));
        Assert.Equal(Dutch.Money((decimal)benefits / invested), KeyFigure(html, "Opbrengst per euro"));
        Assert.Equal(Dutch.Number((decimal)ours.Sum(p => p.HoursSaved), 0), KeyFigure(html, "Uren werk bespaard"));
        Assert.Equal(Dutch.Fixed((decimal)ours.Sum(p => p.FteSaved), 2), KeyFigure(html, "Fte bespaard"));
    }

    [Fact]
    public async Task Filters_by_theme_year_and_phase_narrow_the_rows_and_the_totals()
    {
        var client = await app.RegisterAsync("Welzijn Filter", "filter@portfolio.nl");
        await PortfolioProjects.AddManyAsync(app, "filter@portfolio.nl",
        [
            ("Schulden 2024 plan", "budgetcoaching", 80, 90_000m, 2024, "plan"),
            ("Schulden 2025 plan", "budgetcoaching", 70, 80_000m, 2025, "plan"),
            ("Schulden 2025 evaluatie", "vroegsignalering-schulden", 90, 60_000m, 2025, "evaluatie"),
            ("Maatjes 2025 plan", "maatjesproject", 40, 30_000m, 2025, "plan"),
        ]);

        var debt = await client.GetStringAsync("/projecten?thema=schuldproblematiek");
        var debt2025 = await client.GetStringAsync("/projecten?thema=schuldproblematiek&jaar=2025");
        var evaluations = await client.GetStringAsync("/projecten?fase=evaluatie");

        Assert.Equal(["Schulden 2024 plan", "Schulden 2025 evaluatie", "Schulden 2025 plan"], Names(debt));
        Assert.Equal("3", KeyFigure(debt, "Projecten"));
        Assert.Equal(["Schulden 2025 evaluatie", "Schulden 2025 plan"], Names(debt2025));
        Assert.Equal("2", KeyFigure(debt2025, "Projecten"));
        Assert.Equal(["Schulden 2025 evaluatie"], Names(evaluations));
        // The form shows the choices it was sent with, so the view is its own bookmark.
        Assert.Contains("<option value=\"schuldproblematiek\" selected=\"selected\">", debt2025, StringComparison.Ordinal);
        Assert.Contains("value=\"2025\"", debt2025, StringComparison.Ordinal);

        var none = await client.GetStringAsync("/projecten?jaar=2031");
        Assert.Contains("Geen projecten met deze keuze.", none, StringComparison.Ordinal);
        Assert.DoesNotContain("Nog geen projecten", none, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_year_or_theme_is_named_with_a_400_and_the_typed_value_kept()
    {
        var client = await app.RegisterAsync("Welzijn Fout", "fout@portfolio.nl");
        await PortfolioProjects.AddAsync(app, "fout@portfolio.nl", "Een project");

        var year = await client.GetAsync("/projecten?jaar=twintig");
        var theme = await client.GetAsync("/projecten?thema=bestaat-niet");

        Assert.Equal(HttpStatusCode.BadRequest, year.StatusCode);
        var yearHtml = await year.Content.ReadAsStringAsync();
        Assert.Contains("Vul als startjaar een jaartal in van vier cijfers", yearHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"twintig\"", yearHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, theme.StatusCode);
        Assert.Contains("Kies een thema uit de lijst.", await theme.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Columns_sort_both_ways_and_pages_hold_fifty_while_the_totals_count_all()
    {
        var client = await app.RegisterAsync("Welzijn Groot", "groot@portfolio.nl");
        // 120 projects whose costs rise with their number; names in reverse, so sorting by name differs from by costs.
        var projects = await PortfolioProjects.AddManyAsync(app, "groot@portfolio.nl",
            Enumerable.Range(1, 120).Select(i => ($"Project {1000 - i}", "budgetcoaching", 80, 20_000m + (i * 1_000m), 2020 + (i % 6), "plan")));

        var first = await client.GetStringAsync("/projecten");
        var last = await client.GetStringAsync("/projecten?pagina=3");
        var dearest = await client.GetStringAsync("/projecten?sorteer=geinvesteerd&richting=af");
        var cheapest = await client.GetStringAsync("/projecten?sorteer=geinvesteerd");
        var best = await client.GetStringAsync("/projecten?sorteer=opbrengst&richting=af");

        Assert.Equal(50, Names(first).Count);
        Assert.Equal("Project 880", Names(first)[0]);
        Assert.Contains("Pagina 1 van 3", first, StringComparison.Ordinal);
        Assert.Equal("120", KeyFigure(first, "Projecten"));
        Assert.Equal(Dutch.MoneyWhole(projects.Sum(p => p.InvestedCents) / 100m), KeyFigure(last, "Geïnvesteerd"));
        Assert.Equal(20, Names(last).Count);
        Assert.Contains("Pagina 3 van 3", last, StringComparison.Ordinal);
        Assert.Equal("Project 880", Names(dearest)[0]);
        Assert.Equal("Project 999", Names(cheapest)[0]);
        var expectedBest = projects.OrderByDescending(p => p.Ratio).ThenBy(p => p.Name, StringComparer.Ordinal).First().Name;
        Assert.Equal(expectedBest, Names(best)[0]);
        // The next page keeps the sort; the column that sorts says so to screen readers.
        Assert.Contains("href=\"/projecten?sorteer=geinvesteerd&amp;richting=af&amp;pagina=2\"", dearest, StringComparison.Ordinal);
        Assert.Contains("aria-sort=\"descending\"><a href=\"/projecten?sorteer=geinvesteerd\"", dearest, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_reports_its_server_time()
    {
        var client = await app.RegisterAsync("Welzijn Tijd", "tijd@portfolio.nl");
        await PortfolioProjects.AddAsync(app, "tijd@portfolio.nl", "Een project");

        var response = await client.GetAsync("/projecten");

        var timing = string.Join(",", response.Headers.GetValues("Server-Timing"));
        Assert.Matches(@"db;dur=\d+\.\d;desc=""queries"", app;dur=\d+\.\d", timing);
    }

    /// <summary>The project names in the table, in order.</summary>
    internal static List<string> Names(string html) =>
        [.. RowLink().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))];

    /// <summary>The value of one of the totals (a dt/dd pair).</summary>
    internal static string KeyFigure(string html, string label)
    {
        var match = Regex.Match(WebUtility.HtmlDecode(html), "<dt>" + Regex.Escape(label) + "</dt><dd>([^<]*)</dd>");
        Assert.True(match.Success, $"No total \"{label}\" on the page.");
        return match.Groups[1].Value;
    }

    [GeneratedRegex("<td><a href=\"/projecten/[0-9a-f-]{36}\">([^<]*)</a></td>")]
    private static partial Regex RowLink();
}
