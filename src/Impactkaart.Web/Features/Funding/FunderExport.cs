using System.Globalization;
using System.Text;
using Impactkaart.Engine.Calculation;
using Impactkaart.Engine.Model;
using Impactkaart.Reports;
using Impactkaart.Web.Features.Shared;
using MiniExcelLibs;

namespace Impactkaart.Web.Features.Funding;

/// <summary>
/// A funder's filtered portfolio as a file: one row per project (provider, project, reference project, theme, scheme,
/// neighbourhoods, year, phase, participants, both views' benefits and ratios, hours and FTE, then one column per payer
/// of the model and one per sector), and a last row "Totaal" with the sums. The uncertainty is of the total only, so
/// it has columns of its own at the end that only the totals row fills (a project's own range is on its map). CSV as
/// Dutch Excel opens it by a double click (UTF-8 with a byte-order mark, ';', decimal commas, no thousands separators),
/// one rectangular table; the workbook has the same table and a second sheet "Totalen" that reads as a summary. In
/// both, a text that starts like a formula (= + - @) gets a leading ' (formula injection).
/// </summary>
public sealed class FunderExport(ImpactModel model, RequestLanguage lang)
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    /// <summary>The payers in the model's order with the municipality first, as the page lists who gains.</summary>
    private IEnumerable<Payer> Payers => model.Payers.OrderByDescending(p => p.Id == FunderTotals.Municipality);

    private string MoneyView => lang.T("in geld", "in money");

    private string WelfareView => lang.T("maatschappelijk", "to society");

    public IReadOnlyList<string> Headers =>
    [
        lang.T("Aanbieder", "Provider"), lang.T("Project", "Project"), lang.T("Referentieproject", "Reference project"), lang.T("Thema", "Theme"),
        lang.T("Regeling", "Scheme"), lang.T("Wijken", "Neighbourhoods"), lang.T("Startjaar", "Start year"), lang.T("Fase", "Phase"),
        lang.T("Deelnemers", "Participants"), lang.T("Geïnvesteerd (euro)", "Invested (euro)"),
        lang.T("Baten in geld (euro)", "Benefits in money (euro)"), lang.T("Opbrengst in geld per euro", "Money returned per euro"),
        lang.T("Maatschappelijke baten (euro)", "Benefits to society (euro)"), lang.T("Maatschappelijke waarde per euro", "Value to society per euro"),
        lang.T("Uren bespaard", "Hours saved"), lang.T("Fte bespaard", "FTE saved"),
        .. Payers.Select(p => lang.T($"Baten {p.Label.Nl} (euro)", $"Benefits {p.Label.En} (euro)")),
        .. model.Sectors.Select(s => lang.T($"Uren {s.Label.Nl}", $"Hours {s.Label.En}")),
        .. new[] { MoneyView, WelfareView }.SelectMany(view => new[]
        {
            lang.T($"Totaal: netto contante waarde {view} P10 (euro)", $"Total: net present value {view} P10 (euro)"),
            lang.T($"Totaal: netto contante waarde {view} P50 (euro)", $"Total: net present value {view} P50 (euro)"),
            lang.T($"Totaal: netto contante waarde {view} P90 (euro)", $"Total: net present value {view} P90 (euro)"),
            lang.T($"Totaal: kans netto contante waarde {view} boven nul", $"Total: chance net present value {view} above zero"),
        }),
    ];

    /// <summary>The values of every line (projects, then the totals), numbers as numbers; a text cell null where empty.</summary>
    private IEnumerable<object?[]> Lines(IReadOnlyList<FundedRow> rows, FunderTotals totals, PortfolioUncertainty? uncertainty)
    {
        var spreads = new object?[8];
        foreach (var row in rows)
        {
            yield return
            [
                row.ProviderName, row.Name, ReferenceLabel(row.ReferenceProject), ThemeLabel(row.Theme), row.Scheme,
                string.Join(", ", row.Neighbourhoods), row.StartYear > 0 ? row.StartYear : null, PhaseLabel(row.Phase),
                row.Breakdown.Participants, Euros(row.InvestedCents), Euros(row.BenefitsCents), Ratio(row.Ratio),
                Euros(row.WelfareBenefitsCents), Ratio(row.WelfareRatio), Math.Round(row.HoursSaved, 1), Math.Round(row.FteSaved, 2),
                .. Payers.Select(p => (object?)Euros(row.Breakdown.Payers.GetValueOrDefault(p.Id)?.Cents ?? 0)),
                .. model.Sectors.Select(s => (object?)Math.Round(row.Breakdown.Sectors.GetValueOrDefault(s.Id)?.Hours ?? 0, 1)),
                .. spreads,
            ];
        }
        if (uncertainty is not null)
        {
            spreads = [.. new[] { uncertainty.Headline, uncertainty.Welfare }.SelectMany(s => new object?[]
            {
                Math.Round(s.NetPresentValueP10.Euros, 2), Math.Round(s.NetPresentValueP50.Euros, 2), Math.Round(s.NetPresentValueP90.Euros, 2),
                Math.Round(s.ProbabilityPositive.Value, 4),
            })];
        }
        var payers = totals.ByPayer.ToDictionary(p => p.PayerId, p => p.Cents, StringComparer.Ordinal);
        var sectors = totals.BySector.ToDictionary(s => s.SectorId, s => s.Hours, StringComparer.Ordinal);
        yield return
        [
            lang.T("Totaal", "Total"), lang.Formats.Count(totals.Projects, Nouns.Project),
            null, null, null, null, null, null,
            totals.Participants, Euros(totals.InvestedCents), Euros(totals.BenefitsCents), Ratio(totals.Ratio),
            Euros(totals.WelfareBenefitsCents), Ratio(totals.WelfareRatio), Math.Round(totals.HoursSaved, 1), Math.Round(totals.FteSaved, 2),
            .. Payers.Select(p => (object?)Euros(payers.GetValueOrDefault(p.Id))),
            .. model.Sectors.Select(s => (object?)Math.Round(sectors.GetValueOrDefault(s.Id), 1)),
            .. spreads,
        ];
    }

    /// <summary>The CSV: the header, one line per project, the totals line.</summary>
    public byte[] Csv(IReadOnlyList<FundedRow> rows, FunderTotals totals, PortfolioUncertainty? uncertainty)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(totals);
        var text = new StringBuilder(CsvLine(Headers.Select(MapWorkbook.Guard)));
        foreach (var line in Lines(rows, totals, uncertainty))
        {
            text.Append(CsvLine(line.Select(CsvValue)));
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>The workbook: the same table as the CSV, and a sheet "Totalen" that says what the totals and the range are.</summary>
    public byte[] Workbook(IReadOnlyList<FundedRow> rows, FunderTotals totals, PortfolioUncertainty? uncertainty)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(totals);
        var headers = Headers;
        var table = Lines(rows, totals, uncertainty).Select(values =>
        {
            var line = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < headers.Count; i++)
            {
                line[headers[i]] = values[i] is string text ? MapWorkbook.Guard(text) : values[i];
            }
            return line;
        });
        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object>
        {
            [lang.T("Projecten", "Projects")] = table,
            [TotalsSheet] = Summary(totals, uncertainty),
        });
        return stream.ToArray();
    }

    public string TotalsSheet => lang.T("Totalen", "Totals");

    /// <summary>The totals sheet: what, value, and a word on it; amounts in euros, chances as fractions.</summary>
    private IEnumerable<Dictionary<string, object?>> Summary(FunderTotals totals, PortfolioUncertainty? uncertainty)
    {
        var (what, value, note) = (lang.T("Wat", "What"), lang.T("Waarde", "Value"), lang.T("Toelichting", "Note"));
        Dictionary<string, object?> Line(string label, object? amount, string remark = "") =>
            new(StringComparer.Ordinal) { [what] = MapWorkbook.Guard(label), [value] = amount, [note] = MapWorkbook.Guard(remark) };
        var f = lang.Formats;
        yield return Line(lang.T("Projecten", "Projects"), totals.Projects);
        yield return Line(lang.T("Aanbieders", "Providers"), totals.Providers);
        yield return Line(lang.T("Deelnemers", "Participants"), totals.Participants);
        yield return Line(lang.T("Geïnvesteerd (euro)", "Invested (euro)"), Euros(totals.InvestedCents));
        yield return Line(lang.T("Baten in geld (euro)", "Benefits in money (euro)"), Euros(totals.BenefitsCents), lang[Labels.MoneyViewExplained]);
        yield return Line(lang.T("Opbrengst in geld per euro", "Money returned per euro"), Ratio(totals.Ratio),
            lang.T("Alle baten gedeeld door alle investeringen.", "All benefits divided by all investments."));
        yield return Line(lang.T("Maatschappelijke baten (euro)", "Benefits to society (euro)"), Euros(totals.WelfareBenefitsCents), lang[Labels.WelfareViewExplained]);
        yield return Line(lang.T("Maatschappelijke waarde per euro", "Value to society per euro"), Ratio(totals.WelfareRatio));
        yield return Line(lang.T("Uren bespaard", "Hours saved"), Math.Round(totals.HoursSaved, 1));
        yield return Line(lang.T("Fte bespaard", "FTE saved"), Math.Round(totals.FteSaved, 2));
        foreach (var (payer, cents, transfers) in totals.ByPayer)
        {
            yield return Line(lang.T("Baten per partij (euro): ", "Benefits per party (euro): ") + PayerLabel(payer), Euros(cents),
                lang.T("waarvan overdrachten: ", "of which transfers: ") + f.Amount(Euros(transfers)));
        }
        foreach (var (sector, hours, fte) in totals.BySector)
        {
            yield return Line(lang.T("Uren bespaard: ", "Hours saved: ") + SectorLabel(sector), Math.Round(hours, 1), f.Fixed((decimal)fte, 2) + lang.T(" fte", " FTE"));
        }
        if (uncertainty is null)
        {
            yield break;
        }
        var explained = lang.T(
            $"Eén simulatie over alle {uncertainty.Projects} projecten samen ({uncertainty.Draws} trekkingen): projecten van hetzelfde referentieproject vallen daarin samen mee of tegen. Dit is niet de som van de bandbreedtes van de projecten.",
            $"One simulation over all {uncertainty.Projects} projects together ({uncertainty.Draws} draws): projects of the same reference project do better or worse together in it. This is not the sum of the projects' ranges.");
        foreach (var (view, spread) in new[] { (MoneyView, uncertainty.Headline), (WelfareView, uncertainty.Welfare) })
        {
            yield return Line(lang.T($"Netto contante waarde {view} P10 (euro)", $"Net present value {view} P10 (euro)"), Math.Round(spread.NetPresentValueP10.Euros, 2), explained);
            yield return Line(lang.T($"Netto contante waarde {view} P50 (euro)", $"Net present value {view} P50 (euro)"), Math.Round(spread.NetPresentValueP50.Euros, 2));
            yield return Line(lang.T($"Netto contante waarde {view} P90 (euro)", $"Net present value {view} P90 (euro)"), Math.Round(spread.NetPresentValueP90.Euros, 2));
            yield return Line(lang.T($"Kans netto contante waarde {view} boven nul", $"Chance net present value {view} above zero"), Math.Round(spread.ProbabilityPositive.Value, 4),
                f.Chance(spread.ProbabilityPositive.Value));
        }
    }

    /// <summary>A value as Dutch Excel reads it: decimal comma, no thousands separator; an empty cell for null.</summary>
    private static string CsvValue(object? value) => value switch
    {
        null => "",
        string text => MapWorkbook.Guard(text),
        decimal number => number.ToString(Dutch),
        double number => number.ToString(Dutch),
        IFormattable other => other.ToString(null, Dutch),
        _ => value.ToString() ?? "",
    };

    /// <summary>One CSV line of fields already guarded (texts) or written (numbers, which may start with a minus): a field with ';', '"' or a line break is quoted, quotes doubled.</summary>
    private static string CsvLine(IEnumerable<string> fields) =>
        string.Join(';', fields.Select(text =>
            text.AsSpan().IndexOfAny(";\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text)) + "\r\n";

    private string ReferenceLabel(string id) => model.FindReferenceProject(id) is { } project ? lang[project.Label] : id;

    private string ThemeLabel(string id) => model.Themes.FirstOrDefault(t => t.Id == id) is { } theme ? lang[theme.Label] : id;

    private string PhaseLabel(Phase phase) => phase == Phase.Evaluation ? lang.T("Evaluatie", "Evaluation") : lang.T("Plan", "Plan");

    private string PayerLabel(string id) => model.Payers.FirstOrDefault(p => p.Id == id) is { } payer ? lang[payer.Label] : id;

    private string SectorLabel(string id) => model.Sectors.FirstOrDefault(s => s.Id == id) is { } sector ? lang[sector.Label] : id;

    private static decimal Euros(long cents) => cents / 100m;

    private static decimal? Ratio(double? ratio) => ratio is { } r ? Math.Round((decimal)r, 4) : null;
}
