using System.Globalization;
using System.Text;
using Impactkaart.Engine.Calculation;
using Impactkaart.Engine.Model;
using Impactkaart.Reports;
using Impactkaart.Web.Features.Shared;
using MiniExcelLibs;

namespace Impactkaart.Web.Features.Portfolio;

/// <summary>
/// The filtered portfolio as a file. CSV as Dutch Excel opens it by a double click: UTF-8 with a byte-order mark,
/// ';' between fields, decimal commas, no thousands separators. Excel (MiniExcel) with numbers as numbers and a
/// totals row. In both, a text that starts like a formula (= + - @) gets a leading ' (formula injection).
/// </summary>
public sealed class PortfolioExport(ImpactModel model, RequestLanguage lang)
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    private string[] Headers =>
    [
        lang.T("Naam", "Name"), lang.T("Referentieproject", "Reference project"), lang.T("Thema", "Theme"),
        lang.T("Startjaar", "Start year"), lang.T("Fase", "Phase"), lang.T("Geïnvesteerd (euro)", "Invested (euro)"),
        lang.T("Baten (euro)", "Benefits (euro)"), lang.T("Opbrengst per euro", "Return per euro"),
        lang.T("Uren bespaard", "Hours saved"), lang.T("Fte bespaard", "FTE saved"), lang.T("Laatst bewaard", "Last saved"),
    ];

    /// <summary>Writes the CSV row by row as the database returns the projects.</summary>
    public async Task WriteCsvAsync(IAsyncEnumerable<PortfolioRow> rows, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 16 * 1024);
        await using (writer.ConfigureAwait(false))
        {
            await writer.WriteAsync(CsvLine(Headers)).ConfigureAwait(false);
            await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                await writer.WriteAsync(CsvLine(
                [
                    row.Name, ReferenceLabel(row.ReferenceProject), ThemeLabel(row.Theme), Year(row.StartYear), PhaseLabel(row.Phase),
                    Euros(row.InvestedCents).ToString("0.00", Dutch), Euros(row.BenefitsCents).ToString("0.00", Dutch),
                    Ratio(row.Ratio)?.ToString("0.0000", Dutch) ?? "", Math.Round(row.HoursSaved, 1).ToString("0.0", Dutch),
                    Math.Round(row.FteSaved, 2).ToString("0.00", Dutch), DutchTime.DateAndTime(row.UpdatedAt),
                ])).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The workbook: one sheet with every project and, below them, the totals of the selection.</summary>
    public byte[] Workbook(IEnumerable<PortfolioRow> rows, PortfolioTotals totals)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(totals);
        var headers = Headers;
        Dictionary<string, object?> Row(params object?[] values)
        {
            var row = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < headers.Length; i++)
            {
                row[headers[i]] = values[i] is string text ? MapWorkbook.Guard(text) : values[i];
            }
            return row;
        }
        var sheet = rows.Select(r => Row(r.Name, ReferenceLabel(r.ReferenceProject), ThemeLabel(r.Theme), r.StartYear > 0 ? r.StartYear : null,
                PhaseLabel(r.Phase), Euros(r.InvestedCents), Euros(r.BenefitsCents), Ratio(r.Ratio), Math.Round(r.HoursSaved, 1),
                Math.Round(r.FteSaved, 2), DutchTime.Local(r.UpdatedAt)))
            .Append(Row(lang.T($"Totaal ({totals.Count} projecten)", $"Total ({totals.Count} projects)"), null, null, null, null,
                Euros(totals.InvestedCents), Euros(totals.BenefitsCents), totals.Ratio is { } ratio ? Math.Round(ratio, 4) : null,
                Math.Round(totals.HoursSaved, 1), Math.Round(totals.FteSaved, 2), null));
        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object> { [lang.T("Projecten", "Projects")] = sheet });
        return stream.ToArray();
    }

    /// <summary>One CSV line: a field with ';', '"' or a line break is quoted, quotes doubled; every field guarded.</summary>
    private static string CsvLine(IEnumerable<string> fields) =>
        string.Join(';', fields.Select(field =>
        {
            var text = MapWorkbook.Guard(field);
            return text.AsSpan().IndexOfAny(";\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
        })) + "\r\n";

    private string ReferenceLabel(string id) => model.FindReferenceProject(id) is { } project ? lang[project.Label] : id;

    private string ThemeLabel(string id) => model.Themes.FirstOrDefault(t => t.Id == id) is { } theme ? lang[theme.Label] : id;

    private string PhaseLabel(Phase phase) => phase == Phase.Evaluation ? lang.T("Evaluatie", "Evaluation") : lang.T("Plan", "Plan");

    private static string Year(int year) => year > 0 ? year.ToString(CultureInfo.InvariantCulture) : "";

    private static decimal Euros(long cents) => cents / 100m;

    private static decimal? Ratio(double? ratio) => ratio is { } r ? Math.Round((decimal)r, 4) : null;
}
