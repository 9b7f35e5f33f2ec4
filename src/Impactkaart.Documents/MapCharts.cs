using Impactkaart.Documents.Drawing;
using Impactkaart.Engine.Calculation;
using Impactkaart.Reports;

namespace Impactkaart.Documents;

/// <summary>The content of the map's four bar charts, shared by the SVG fragments, the graphic and the PDF.</summary>
internal static class MapCharts
{
    /// <summary>Costs against the benefits of both views: in money (transfers included) and to society (wellbeing included, transfers left out).</summary>
    public static BarChart CostsVersusBenefits(ImpactMap map, Formats f) =>
        Chart(f, ReportTexts.CostsVersusBenefits,
        [
            new(f[Labels.Costs], map.Costs.Euros, f.Amount(map.Costs.Euros), Palette.Orange),
            new(f[Labels.BenefitsFinancial], map.Benefits.Euros, f.Amount(map.Benefits.Euros), Palette.Blue),
            new(f[Labels.BenefitsWelfare], map.WelfareBenefits.Euros, f.Amount(map.WelfareBenefits.Euros), Palette.Teal),
        ], ReportTexts.NoBenefits);

    public static BarChart ByPayer(ImpactMap map, Formats f) =>
        Chart(f, ReportTexts.ByPayer,
            [.. map.ByPayer.Where(p => p.Amount.Euros != 0m).OrderByDescending(p => p.Amount.Euros)
                .Select(p => new Bar(f[p.Payer.Label], p.Amount.Euros, f.Amount(p.Amount.Euros), Palette.Blue))],
            ReportTexts.NoBenefits);

    public static BarChart ByDomain(ImpactMap map, Formats f) =>
        Chart(f, ReportTexts.ByDomain,
            [.. map.ByDomain.Where(d => d.Amount.Euros != 0m).OrderByDescending(d => d.Amount.Euros)
                .Select(d => new Bar(f[d.Domain.Label], d.Amount.Euros, f.Amount(d.Amount.Euros), Palette.Teal))],
            ReportTexts.NoBenefits);

    /// <summary>Hours saved per sector, with the project's own hours last (when known) to set them beside.</summary>
    public static BarChart HoursBySector(ImpactMap map, Formats f)
    {
        var bars = map.HoursBySector()
            .Where(s => s.Hours.Value > 0m)
            .Select(s => new Bar(f[s.Sector.Label], s.Hours.Value, HoursText(f, s.Hours.Value, s.Fte), Palette.Blue))
            .ToList();
        if (bars.Count > 0 && map.OwnHours is { } own)
        {
            bars.Add(new Bar(f[own.Estimated ? ReportTexts.OwnHoursEstimatedBar : ReportTexts.OwnHoursBar], own.Hours.Value, HoursText(f, own.Hours.Value, own.Fte), Palette.Orange));
        }
        return Chart(f, ReportTexts.HoursBySector, bars, ReportTexts.NoHours);
    }

    public static string HoursText(Formats f, decimal hours, decimal fte) => f.Format(ReportTexts.HoursFte, f.Count(hours, Nouns.Hour), f.Fixed(fte, 2));

    /// <summary>Keeps the largest bars; the rest become one "and N more" bar.</summary>
    public static BarChart Limit(BarChart chart, int maxRows, Formats f, bool hours) =>
        chart.Truncated(maxRows, n => f.Format(ReportTexts.AndMore, n), v => hours ? f.Count(v, Nouns.Hour) : f.Amount(v));

    private static BarChart Chart(Formats f, Engine.Text title, List<Bar> bars, Engine.Text empty)
    {
        var description = bars.Count == 0
            ? f[empty]
            : f.Format(ReportTexts.ChartDescription, f[title], string.Join("; ", bars.Select(b => $"{b.Label} {b.ValueText}")));
        return new BarChart(f[title], description, bars, f[empty]);
    }

    /// <summary>A short, stable id for a chart: its kind and a hash of its content, so two charts on one page differ.</summary>
    public static string IdFor(string kind, BarChart chart)
    {
        var hash = 17u;
        foreach (var c in chart.Description)
        {
            hash = unchecked(hash * 31u + c);
        }
        return $"ik-{kind}-{hash:x8}";
    }

    /// <summary>The three professions with the most hours, for a one-line summary.</summary>
    public static string TopProfessions(ImpactMap map, Formats f, int count) =>
        string.Join(", ", map.Labour.OrderByDescending(l => l.Hours.Value).Take(count)
            .Select(l => $"{f[l.Profession.Label]} {f.Number(l.Hours.Value, 0)}"));
}
