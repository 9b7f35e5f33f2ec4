using Impactkaart.Engine;
using Impactkaart.Engine.Calculation;
using Impactkaart.Engine.Model;
using Impactkaart.Reports.Drawing;

namespace Impactkaart.Reports;

/// <summary>
/// The map "at a glance" as one 16:9 image for slides: title, the headline ratio with its P10-P90 range bar, the
/// chance that benefits exceed costs, and bars for costs against benefits, benefits by payer and hours by sector.
/// One layout, written as SVG or painted as PNG.
/// </summary>
public static class MapGraphic
{
    private const double CanvasWidth = 1600;
    private const double CanvasHeight = 900;
    private const double Margin = 60;
    private const double ColumnWidth = 700;
    private const double RightColumn = 840;

    /// <summary>The graphic as an accessible SVG document (role="img", a title and a description stating the key figures).</summary>
    public static string Svg(ImpactModel model, ImpactMap map, Language language)
    {
        var (scene, title, description) = Layout(model, map, language);
        return SvgWriter.Write(scene, title, description, "impactkaart");
    }

    /// <summary>The graphic as a PNG, <paramref name="width"/> pixels wide (16 to 8000) and 9/16 of that high.</summary>
    public static byte[] Png(ImpactModel model, ImpactMap map, Language language, int width = 1600)
    {
        var (scene, _, _) = Layout(model, map, language);
        return SkiaPainter.Png(scene, width);
    }

    internal static (Scene Scene, string Title, string Description) Layout(ImpactModel model, ImpactMap map, Language language)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(map);
        var f = new Formats(language);
        var input = map.Input;
        var project = input.ReferenceProject;
        var scene = new Scene(CanvasWidth, CanvasHeight);
        var name = input.Name is { Length: > 0 } n ? n : f[project.Label];

        // Title band.
        scene.Rect(0, 0, CanvasWidth, 130, Palette.Blue);
        scene.Text(Margin, 48, f[ReportTexts.Title], 24, Palette.LightBlue);
        scene.Text(Margin, 104, EmbeddedFonts.Fit(EmbeddedFonts.Clean(name), CanvasWidth - 2 * Margin, 44, true), 44, Palette.White, bold: true);
        var factParts = new List<string>
        {
            f.Format(Labels.ParticipantsCount, f.Number(input.Participants, 0)),
            f.Format(ReportTexts.MonthsValue, input.Months),
            f[Labels.Costs] + " " + f.MoneyWhole(input.Costs.Total.Euros),
        };
        // Without a name the title already is the reference project.
        if (input.Name is { Length: > 0 })
        {
            factParts.Insert(0, f[project.Label]);
        }
        var facts = string.Join(" · ", factParts);
        scene.Text(Margin, 172, EmbeddedFonts.Fit(facts, CanvasWidth - 2 * Margin, 22, false), 22, Palette.Muted);

        Headline(scene, map, f);
        Charts(scene, map, f);

        scene.Text(Margin, CanvasHeight - 28, EmbeddedFonts.Fit(Footer(model, map, f), CanvasWidth - 2 * Margin, 16, false), 16, Palette.Muted);
        return (scene, f[ReportTexts.Title] + ": " + EmbeddedFonts.Clean(name), Description(map, f, name));
    }

    private static void Headline(Scene scene, ImpactMap map, Formats f)
    {
        if (map.Ratio is not { } ratio)
        {
            scene.Text(Margin, 280, EmbeddedFonts.Fit(f[Labels.NoRatio], ColumnWidth, 34, true), 34, Palette.Ink, bold: true);
            return;
        }
        scene.Text(Margin, 250, f[ReportTexts.HeadlineLead], 34, Palette.Ink);
        var value = f.Money(ratio.Value);
        scene.Text(Margin, 385, value, 130, Palette.Blue, bold: true);
        if (f[ReportTexts.HeadlineTail] is { Length: > 0 } tail)
        {
            scene.Text(Margin + EmbeddedFonts.Measure(value, 130, true) + 20, 385, tail, 34, Palette.Ink);
        }
        scene.Text(Margin, 428, f[ReportTexts.FinancialView], 20, Palette.Muted);

        if (map.Uncertainty is { } u)
        {
            RangeBar(scene, ratio.Value, u, f, top: 470);
            scene.Text(Margin, 648, f[Labels.ChanceLabel], 24, Palette.Ink);
            scene.Text(Margin, 712, f.Chance(u.ProbabilityRatioAboveOne.Value), 60, Palette.Teal, bold: true);
        }
        else
        {
            scene.Text(Margin, 520, f[ReportTexts.NoUncertainty], 22, Palette.Muted);
        }
        var welfare = f[ReportTexts.WelfareRatioPlain] + ": " + (map.WelfareRatio is { } w ? f.Money(w.Value) : "-");
        scene.Text(Margin, 768, EmbeddedFonts.Fit(welfare, ColumnWidth, 20, false), 20, Palette.Ink);
        scene.Text(Margin, 800, EmbeddedFonts.Fit(f[Labels.Npv] + ": " + f.MoneyWhole(map.NetPresentValue.Euros), ColumnWidth, 20, false), 20, Palette.Ink);
    }

    /// <summary>The P10-P90 band on a scale from 0, the central value as a dark marker and break-even (1) as an orange line.</summary>
    private static void RangeBar(Scene scene, decimal central, Uncertainty u, Formats f, double top)
    {
        var max = Math.Max(Math.Max(u.RatioP90.Value, central), 1m) * 1.15m;
        double X(decimal v) => Margin + (double)(Math.Clamp(v, 0m, max) / max) * ColumnWidth;
        scene.Rect(Margin, top + 24, ColumnWidth, 12, Palette.Track);
        scene.Rect(X(u.RatioP10.Value), top + 14, X(u.RatioP90.Value) - X(u.RatioP10.Value), 32, Palette.Band);
        scene.Line(X(1m), top + 4, X(1m), top + 56, Palette.Orange, 3);
        scene.Text(X(1m), top, f.Money(1m), 16, Palette.Orange, anchor: Anchor.Middle);
        scene.Rect(X(central) - 3, top + 6, 6, 48, Palette.Blue);
        scene.Text(Margin, top + 80, f.Money(0m), 16, Palette.Muted);
        scene.Text(Margin, top + 120, EmbeddedFonts.Fit(f.Format(ReportTexts.Range, f.Money(u.RatioP10.Value), f.Money(u.RatioP90.Value)), ColumnWidth, 24, true), 24, Palette.Ink, bold: true);
    }

    private static void Charts(Scene scene, ImpactMap map, Formats f)
    {
        var y = 225.0;
        foreach (var (chart, rows, hours) in new[]
        {
            (MapCharts.CostsVersusBenefits(map, f), 3, false),
            (MapCharts.ByPayer(map, f), 5, false),
            (MapCharts.HoursBySector(map, f), 4, true),
        })
        {
            scene.Text(RightColumn, y, chart.Title, 24, Palette.Ink, bold: true);
            var drawn = MapCharts.Limit(chart, rows, f, hours).Draw(ColumnWidth, 38, 19, labelShare: 0.44);
            scene.Place(drawn, RightColumn, y + 14);
            y += 14 + drawn.Height + 48;
        }
    }

    internal static string Footer(ImpactModel model, ImpactMap map, Formats f) =>
        f.Format(ReportTexts.Footer, map.ModelVersion, model.PriceYear, f.Percent(map.Input.DiscountRate.Value, 2));

    private static string Description(ImpactMap map, Formats f, string name)
    {
        var hours = map.HoursSaved.Value > 0m
            ? f.Format(ReportTexts.HoursSentence, string.Join(", ", map.HoursBySector().Select(s => $"{f[s.Sector.Label]} {f.Format(ReportTexts.HoursWord, f.Number(s.Hours.Value, 0))}")))
            : f[ReportTexts.NoHours];
        var ratio = map.Ratio is { } r ? f.Money(r.Value) : "-";
        return map.Uncertainty is { } u
            ? f.Format(ReportTexts.GraphicDescription, name, ratio, f.Money(u.RatioP10.Value), f.Money(u.RatioP90.Value), f.Chance(u.ProbabilityRatioAboveOne.Value),
                f.MoneyWhole(map.Costs.Euros), f.MoneyWhole(map.Benefits.Euros), hours)
            : f.Format(ReportTexts.GraphicDescriptionNoRange, name, ratio, f.MoneyWhole(map.Costs.Euros), f.MoneyWhole(map.Benefits.Euros), hours);
    }
}
