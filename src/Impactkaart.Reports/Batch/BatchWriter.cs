using System.Globalization;
using System.Text;
using Impactkaart.Engine;
using MiniExcelLibs;

namespace Impactkaart.Reports.Batch;

/// <summary>
/// Writes batch results (one row per input row) and error reports as CSV or Excel, row by row as they come.
/// CSV in Dutch uses ';' and decimal commas (Dutch Excel opens it as it is); in English ',' and decimal points.
/// Text cells that could start a formula are guarded (<see cref="MapWorkbook.Guard"/>).
/// </summary>
public static class BatchWriter
{
    /// <summary>Writes <paramref name="results"/> to <paramref name="output"/>; <paramref name="withDraws"/> adds the P10 and P90 columns.</summary>
    public static void WriteResults(IEnumerable<BatchResult> results, Stream output, BatchFormat format, Language language, bool withDraws)
    {
        ArgumentNullException.ThrowIfNull(results);
        var f = new Formats(language);
        List<Engine.Text> headers = [BatchTexts.Line, BatchTexts.Name, BatchTexts.ReferenceProject, BatchTexts.Ratio, BatchTexts.Costs, BatchTexts.Benefits,
            BatchTexts.NetPresentValue, BatchTexts.HoursSaved, BatchTexts.FteSaved, BatchTexts.WelfareRatio, BatchTexts.AssumedShare];
        if (withDraws)
        {
            headers.AddRange([BatchTexts.RatioP10, BatchTexts.RatioP90, BatchTexts.ProbabilityAboveOne]);
        }
        headers.AddRange([BatchTexts.Warning, BatchTexts.Error]);
        Write(output, format, f, headers, results.Select(r => Cells(r, withDraws, language)));
    }

    /// <summary>Writes one line per problem of each bad row: line, name, column, message.</summary>
    public static void WriteErrors(IEnumerable<BatchResult> badRows, Stream output, BatchFormat format, Language language)
    {
        ArgumentNullException.ThrowIfNull(badRows);
        var f = new Formats(language);
        Write(output, format, f, [BatchTexts.Line, BatchTexts.Name, BatchTexts.Column, BatchTexts.Message],
            badRows.SelectMany(r => r.Problems.Select(p => new object?[] { r.Line, r.Name, p.Column, p.Message[language] })));
    }

    private static object?[] Cells(BatchResult r, bool withDraws, Language language)
    {
        var map = r.Map;
        var cells = new List<object?>
        {
            r.Line, r.Name, r.ReferenceProject,
            Round(map?.Ratio?.Value, 2), Round(map?.Costs.Euros, 2), Round(map?.Benefits.Euros, 2), Round(map?.NetPresentValue.Euros, 2),
            Round(map?.HoursSaved.Value, 0), Round(map?.Labour.Sum(l => l.Fte), 2), Round(map?.WelfareRatio?.Value, 2),
            Round(map?.Evidence.AssumedShare.Value, 2),
        };
        if (withDraws)
        {
            cells.Add(Round(map?.Uncertainty?.RatioP10.Value, 2));
            cells.Add(Round(map?.Uncertainty?.RatioP90.Value, 2));
            cells.Add(Round(map?.Uncertainty?.ProbabilityRatioAboveOne.Value, 4));
        }
        cells.Add(map is null || map.Warnings.Count == 0 ? null : string.Join(" | ", map.Warnings.Select(w => w.Message[language])));
        cells.Add(r.IsComputed ? null : r.Describe(language));
        return [.. cells];
    }

    private static decimal? Round(decimal? value, int decimals) =>
        value is { } v ? Math.Round(v, decimals, MidpointRounding.AwayFromZero) : null;

    private static void Write(Stream output, BatchFormat format, Formats f, IReadOnlyList<Engine.Text> headers, IEnumerable<object?[]> rows)
    {
        var names = headers.Select(h => f[h]).ToArray();
        if (format == BatchFormat.Xlsx)
        {
            var sheet = rows.Select(cells =>
            {
                var row = new Dictionary<string, object?>(names.Length, StringComparer.Ordinal);
                for (var i = 0; i < names.Length; i++)
                {
                    row[names[i]] = cells[i] is string text ? MapWorkbook.Guard(text) : cells[i];
                }
                return row;
            });
            MiniExcel.SaveAs(output, sheet, sheetName: f[BatchTexts.SheetName], excelType: ExcelType.XLSX);
            return;
        }
        var separator = f.Language == Language.En ? ',' : ';';
        // With a BOM, so Excel reads the accents right when the file is opened by a double click.
        using var writer = new StreamWriter(output, new UTF8Encoding(true), 1 << 16, leaveOpen: true);
        CsvRecords.Write(writer, separator, names);
        foreach (var cells in rows)
        {
            CsvRecords.Write(writer, separator, cells.Select(c => Text(c, f.Culture)));
        }
    }

    private static string Text(object? cell, CultureInfo culture) => cell switch
    {
        null => "",
        string s => MapWorkbook.Guard(s),
        decimal d => d.ToString("0.##", culture),
        int i => i.ToString(culture),
        _ => Convert.ToString(cell, culture) ?? "",
    };
}
