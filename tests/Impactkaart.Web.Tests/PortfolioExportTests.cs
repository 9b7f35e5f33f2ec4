using System.Net;
using System.Text;
using MiniExcelLibs;

namespace Impactkaart.Web.Tests;

/// <summary>
/// The portfolio's CSV and Excel files, read back: every filtered project with Dutch headers, numbers Dutch Excel
/// reads as numbers, a totals row in the workbook, and no formula that a spreadsheet would run.
/// </summary>
public abstract class PortfolioExportTests(WebApp app)
{
    private static readonly string[] Headers =
        ["Naam", "Referentieproject", "Thema", "Startjaar", "Fase", "Geïnvesteerd (euro)", "Baten (euro)", "Opbrengst per euro", "Uren bespaard", "Fte bespaard", "Laatst bewaard"];

    private readonly string email = $"export-{Guid.NewGuid():N}@portfolio.nl";

    private async Task<(HttpClient Client, List<Data.Project> Projects)> OrganisationAsync()
    {
        var client = await app.RegisterAsync("Welzijn Export", email);
        var projects = await PortfolioProjects.AddManyAsync(app, email,
        [
            ("Geld op orde; Noord", "budgetcoaching", 80, 90_000m, 2025, "plan"),
            ("=HYPERLINK(\"http://kwaad.example\")", "budgetcoaching", 50, 60_000m, 2025, "evaluatie"),
            ("Samen \"sterker\"", "maatjesproject", 40, 30_000m, 2024, "plan"),
        ]);
        await PortfolioProjects.AddAsync(app, email, "Weg", deleted: true);
        return (client, projects);
    }

    [Fact]
    public async Task The_csv_opens_in_dutch_excel_with_every_filtered_project_and_no_formulas()
    {
        var (client, projects) = await OrganisationAsync();

        var response = await client.GetAsync("/projecten/export.csv?thema=schuldproblematiek&sorteer=geinvesteerd&richting=af");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.EndsWith(".csv", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'), StringComparison.Ordinal);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = ParseCsv(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
        Assert.Equal(Headers, lines[0]);
        Assert.Equal(3, lines.Count); // the header and the two debt projects; the maatjes project and the deleted one are not in it
        var (dearest, guarded) = (lines[1], lines[2]);
        Assert.Equal("Geld op orde; Noord", dearest[0]);
        Assert.Equal("Budgetcoaching", dearest[1]);
        Assert.Equal("Schuldproblematiek", dearest[2]);
        Assert.Equal("2025", dearest[3]);
        Assert.Equal("Plan", dearest[4]);
        var project = projects[0];
        Assert.Equal((project.InvestedCents / 100m).ToString("0.00", System.Globalization.CultureInfo.GetCultureInfo("nl-NL")), dearest[5]);
        Assert.Contains(",", dearest[5], StringComparison.Ordinal);
        Assert.Equal(Math.Round((decimal)project.Ratio!.Value, 4).ToString("0.0000", System.Globalization.CultureInfo.GetCultureInfo("nl-NL")), dearest[7]);
        Assert.Matches(@"^\d\d-\d\d-\d{4} \d\d:\d\d$", dearest[10]);
        Assert.Equal("'=HYPERLINK(\"http://kwaad.example\")", guarded[0]);
        Assert.Equal("Evaluatie", guarded[4]);
    }

    [Fact]
    public async Task The_workbook_has_every_project_and_a_totals_row()
    {
        var (client, projects) = await OrganisationAsync();

        var response = await client.GetAsync("/projecten/export.xlsx");
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Projecten"], MiniExcel.GetSheetNames(stream));
        var rows = MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(Headers, rows[0].Keys);
        Assert.Equal(4, rows.Count);
        Assert.Equal(["'=HYPERLINK(\"http://kwaad.example\")", "Geld op orde; Noord", "Samen \"sterker\""], rows[..3].Select(r => (string)r["Naam"]!));
        var totals = rows[3];
        Assert.Equal("Totaal (3 projecten)", totals["Naam"]);
        Assert.Equal(projects.Sum(p => p.InvestedCents) / 100m, Convert.ToDecimal(totals["Geïnvesteerd (euro)"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(projects.Sum(p => p.BenefitsCents) / 100m, Convert.ToDecimal(totals["Baten (euro)"], System.Globalization.CultureInfo.InvariantCulture));
        var ratio = Math.Round((decimal)projects.Sum(p => p.BenefitsCents) / projects.Sum(p => p.InvestedCents), 4);
        Assert.Equal(ratio, Convert.ToDecimal(totals["Opbrengst per euro"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(projects[0].InvestedCents / 100m, Convert.ToDecimal(rows[1]["Geïnvesteerd (euro)"], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task An_export_with_a_wrong_filter_goes_back_to_the_portfolio_and_others_need_a_sign_in()
    {
        var (client, _) = await OrganisationAsync();

        var wrong = await client.GetAsync("/projecten/export.csv?jaar=abc");
        var anonymous = await app.Client().GetAsync("/projecten/export.xlsx");

        Assert.Equal(HttpStatusCode.Redirect, wrong.StatusCode);
        Assert.Equal("/projecten?jaar=abc", wrong.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/inloggen", anonymous.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    /// <summary>Reads ';'-separated CSV with quoted fields (RFC 4180 quoting).</summary>
    internal static List<string[]> ParseCsv(string text)
    {
        var lines = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ';')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                fields.Add(field.ToString().TrimEnd('\r'));
                field.Clear();
                lines.Add([.. fields]);
                fields.Clear();
            }
            else
            {
                field.Append(c);
            }
        }
        return lines;
    }
}

public sealed class SqlitePortfolioExportTests(WebApp app) : PortfolioExportTests(app), IClassFixture<WebApp>;

[Trait(Needs.Trait, Needs.Postgres)]
public sealed class PostgresPortfolioExportTests(PostgresWebApp app) : PortfolioExportTests(app), IClassFixture<PostgresWebApp>;
