using Impactkaart.Documents.Drawing;
using Impactkaart.Engine;
using Impactkaart.Engine.Calculation;
using Impactkaart.Engine.Model;
using Impactkaart.Reports;

namespace Impactkaart.Documents;

/// <summary>
/// The map "at a glance" as one 16:9 image for slides: title, any warning in an orange band, the two views side by
/// side as two cards of the same size and type (money returned and value to society: each its ratio, P10-P90 range
/// bar, chance that benefits exceed costs and what only it counts), what the large figures assume and why the range is
/// what it is, and a row of bar charts: costs against benefits, benefits by payer and hours by sector. One layout,
/// written as SVG or painted as PNG.
/// </summary>
public static class MapGraphic
{
    private const double CanvasWidth = 1600;
    private const double CanvasHeight = 900;
    private const double Margin = 60;
    private const double ContentWidth = CanvasWidth - 2 * Margin;
    private const double CardGap = 40;
    private const double CardWidth = (ContentWidth - CardGap) / 2;
    private const double CardPadding = 28;
    private const double CardInner = CardWidth - 2 * CardPadding;
    private const double CardHeight = 340;
    private const double RatioWidth = 310;
    private const double RangeLeft = 350;
    private const double ChartGap = 40;
    private const double ChartWidth = (ContentWidth - 2 * ChartGap) / 3;

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
        scene.Text(Margin, 104, EmbeddedFonts.Fit(EmbeddedFonts.Clean(name), ContentWidth, 44, true), 44, Palette.White, bold: true);
        var factParts = new List<string>
        {
            f.Count(input.Participants, Nouns.Participant),
            f.Count(input.Months, Nouns.Month),
            f[Labels.Costs] + " " + f.Amount(input.Costs.Total.Euros),
        };
        // Without a name the title already is the reference project.
        if (input.Name is { Length: > 0 })
        {
            factParts.Insert(0, f[project.Label]);
        }
        var facts = string.Join(" · ", factParts);
        scene.Text(Margin, 170, EmbeddedFonts.Fit(facts, ContentWidth, 22, false), 22, Palette.Muted);

        var warned = map.Warnings.Count > 0;
        var top = Warnings(scene, map, f, 186);
        top = Views(scene, map, f, top, noteLines: 3);
        Charts(scene, map, f, top + 16, rows: warned ? 3 : 4, bottom: CanvasHeight - 50);

        scene.Text(Margin, CanvasHeight - 22, EmbeddedFonts.Fit(Footer(model, map, f), ContentWidth, 16, false), 16, Palette.Muted);
        return (scene, f[ReportTexts.Title] + ": " + EmbeddedFonts.Clean(name), Description(map, f, name));
    }

    /// <summary>The map's warnings in one orange band across the page (two lines at most); returns where the content below starts.</summary>
    private static double Warnings(Scene scene, ImpactMap map, Formats f, double top)
    {
        if (map.Warnings.Count == 0)
        {
            return top + 8;
        }
        var lead = f[Labels.WarningHeading] + ": ";
        var leadWidth = EmbeddedFonts.Measure(lead.TrimEnd(), 19, true) + 19 * 0.35;
        var text = string.Join(" ", map.Warnings.Select(w => f[w.Message]));
        var width = ContentWidth - 40;
        var lines = EmbeddedFonts.Wrap(text, width - leadWidth, width, 19, false, 2);
        var height = 18 + 25 * lines.Count;
        scene.Rect(Margin, top, ContentWidth, height, Palette.WarningBack);
        scene.Rect(Margin, top, 8, height, Palette.Orange);
        scene.Text(Margin + 24, top + 32, lead.TrimEnd(), 19, Palette.Ink, bold: true);
        for (var i = 0; i < lines.Count; i++)
        {
            scene.Text(Margin + 24 + (i == 0 ? leadWidth : 0), top + 32 + 25 * i, lines[i], 19, Palette.Ink);
        }
        return top + height + 14;
    }

    /// <summary>
    /// The two views as two cards of the same size, with their ratios in the same type size; then what the large
    /// figures assume and why the range is what it is. Returns where the charts start.
    /// </summary>
    private static double Views(Scene scene, ImpactMap map, Formats f, double top, int noteLines)
    {
        var money = MapViews.Money(map, f);
        var welfare = MapViews.Welfare(map, f);
        // One size for both ratios: the largest that fits the longer of the two.
        var size = new[] { money, welfare }.Min(v => v.Ratio is { } r ? Math.Min(84, 84 * RatioWidth / Math.Max(1, EmbeddedFonts.Measure(f.Money(r.Value), 84, true))) : 84);
        Card(scene, money, f, Margin, top, Palette.Blue, size);
        Card(scene, welfare, f, Margin + CardWidth + CardGap, top, Palette.Teal, size);

        var y = top + CardHeight + 34;
        var notes = new List<string> { f[Labels.CentralAssumes] };
        if (map.Uncertainty is { } u)
        {
            notes.Add(f[u.Explanation]);
        }
        var lines = notes.SelectMany(n => EmbeddedFonts.Wrap(n, ContentWidth, 17, false, 2)).ToList();
        if (lines.Count > noteLines)
        {
            // Too little room: each note on one line.
            lines = [.. notes.Select(n => EmbeddedFonts.Fit(n, ContentWidth, 17, false)).Take(noteLines)];
        }
        foreach (var line in lines)
        {
            scene.Text(Margin, y, line, 17, Palette.Ink);
            y += 23;
        }
        return y;
    }

    private static void Card(Scene scene, MapView view, Formats f, double x, double top, string colour, double ratioSize)
    {
        scene.Rect(x, top, CardWidth, CardHeight, Palette.LightBlue);
        scene.Rect(x, top, CardWidth, 8, colour);
        var left = x + CardPadding;
        scene.Text(left, top + 52, EmbeddedFonts.Fit(view.Name, CardInner, 32, true), 32, Palette.Ink, bold: true);
        var y = top + 82;
        foreach (var line in EmbeddedFonts.Wrap(view.Explanation, CardInner, 17, false, 2))
        {
            scene.Text(left, y, line, 17, Palette.Muted);
            y += 21;
        }
        if (view.Ratio is not { } ratio)
        {
            var noRatio = top + 180;
            foreach (var line in EmbeddedFonts.Wrap(f[Labels.NoRatio], CardInner, 24, true, 2))
            {
                scene.Text(left, noRatio, line, 24, Palette.Ink, bold: true);
                noRatio += 30;
            }
        }
        else
        {
            scene.Text(left, top + 204, f.Money(ratio.Value), ratioSize, colour, bold: true);
            scene.Text(left, top + 238, EmbeddedFonts.Fit(f[Labels.PerEuroInvested], RatioWidth, 20, false), 20, Palette.Ink);
        }

        var right = x + RangeLeft;
        var width = CardWidth - RangeLeft - CardPadding;
        if (view.Ratio is { } central && view.P10 is { } p10 && view.P90 is { } p90)
        {
            RangeBar(scene, central.Value, p10.Value, p90.Value, f, right, top + 118, width, colour);
            y = top + 222;
            foreach (var line in EmbeddedFonts.Wrap(view.Range(f)!, width, 17, false, 2))
            {
                scene.Text(right, y, line, 17, Palette.Ink);
                y += 21;
            }
            y += 8;
            foreach (var line in EmbeddedFonts.Wrap(view.Chance(f)!, width, 18, true, 2))
            {
                scene.Text(right, y, line, 18, Palette.Ink, bold: true);
                y += 22;
            }
        }
        else if (view.Ratio is not null)
        {
            var none = top + 150;
            foreach (var line in EmbeddedFonts.Wrap(f[ReportTexts.NoUncertainty], width, 17, false, 2))
            {
                scene.Text(right, none, line, 17, Palette.Muted);
                none += 21;
            }
        }
        scene.Text(left, top + CardHeight - 16, EmbeddedFonts.Fit(view.OnlyHere, CardInner, 15, false), 15, Palette.Muted);
    }

    /// <summary>
    /// The band where 80% of outcomes lie, on a scale from € 0 to a round value above the highest figure, labelled at
    /// both ends so the band can be read; the central value as a marker in the view's colour and break-even (€ 1) as
    /// an orange line labelled below. An end label that would collide with the € 1 label is left out.
    /// </summary>
    private static void RangeBar(Scene scene, decimal central, decimal p10, decimal p90, Formats f, double left, double top, double width, string colour)
    {
        var max = Math.Ceiling(Math.Max(Math.Max(p90, central), 1m) * 1.15m * 2m) / 2m;
        double X(decimal v) => left + (double)(Math.Clamp(v, 0m, max) / max) * width;
        scene.Rect(left, top + 20, width, 12, Palette.Track);
        scene.Rect(X(p10), top + 10, X(p90) - X(p10), 32, Palette.Band);
        scene.Line(X(1m), top, X(1m), top + 52, Palette.Orange, 3);
        scene.Rect(X(central) - 3, top + 2, 6, 48, colour);
        var one = f.Money(1m);
        var oneHalf = EmbeddedFonts.Measure(one, 15, false) / 2;
        scene.Text(X(1m), top + 72, one, 15, Palette.Orange, anchor: Anchor.Middle);
        var zero = f.Money(0m);
        if (X(1m) - oneHalf > left + EmbeddedFonts.Measure(zero, 15, false) + 8)
        {
            scene.Text(left, top + 72, zero, 15, Palette.Muted);
        }
        var end = f.Money(max);
        if (X(1m) + oneHalf < left + width - EmbeddedFonts.Measure(end, 15, false) - 8)
        {
            scene.Text(left + width, top + 72, end, 15, Palette.Muted, anchor: Anchor.End);
        }
    }

    /// <summary>
    /// The three charts in a row under the views, each cut to <paramref name="rows"/> bars, or fewer when wrapped
    /// labels would reach <paramref name="bottom"/> (the footer).
    /// </summary>
    private static void Charts(Scene scene, ImpactMap map, Formats f, double top, int rows, double bottom)
    {
        var x = Margin;
        foreach (var (chart, hours) in new[]
        {
            (MapCharts.CostsVersusBenefits(map, f), false),
            (MapCharts.ByPayer(map, f), false),
            (MapCharts.HoursBySector(map, f), true),
        })
        {
            scene.Text(x, top + 24, EmbeddedFonts.Fit(chart.Title, ChartWidth, 22, true), 22, Palette.Ink, bold: true);
            var drawn = MapCharts.Limit(chart, rows, f, hours).Draw(ChartWidth, 29, 16, labelShare: 0.45);
            for (var fewer = rows - 1; fewer >= 2 && top + 38 + drawn.Height > bottom; fewer--)
            {
                drawn = MapCharts.Limit(chart, fewer, f, hours).Draw(ChartWidth, 29, 16, labelShare: 0.45);
            }
            scene.Place(drawn, x, top + 38);
            x += ChartWidth + ChartGap;
        }
    }

    internal static string Footer(ImpactModel model, ImpactMap map, Formats f) =>
        f.Format(ReportTexts.Footer, map.ModelVersion, model.PriceYear, f.Percent(map.Input.DiscountRate.Value, 2));

    private static string Description(ImpactMap map, Formats f, string name)
    {
        var hours = map.HoursSaved.Value > 0m
            ? f.Format(ReportTexts.HoursSentence, string.Join(", ", map.HoursBySector().Select(s => $"{f[s.Sector.Label]} {f.Count(s.Hours.Value, Nouns.Hour)}")))
            : f[ReportTexts.NoHours];
        var parts = new List<string> { name + "." };
        parts.AddRange(map.Warnings.Select(w => f.Format(Labels.WarningLine, f[w.Message])));
        parts.AddRange(MapViews.Both(map, f).Select(v => ViewSentence(v, f)));
        parts.Add(f.Format(ReportTexts.CostsAndBenefits, f.Amount(map.Costs.Euros), f.Amount(map.Benefits.Euros), f.Amount(map.WelfareBenefits.Euros)));
        parts.Add(hours);
        return string.Join(" ", parts);
    }

    /// <summary>"Opbrengst in geld: € 1,90 per geïnvesteerde euro; 80% ... ; kans ... ." for the text alternative.</summary>
    private static string ViewSentence(MapView view, Formats f)
    {
        var ratio = view.Ratio is { } r ? f.Money(r.Value) + " " + f[Labels.PerEuroInvested] : f[Labels.NoRatio];
        var range = view.Range(f) is { } text ? "; " + text + "; " + view.Chance(f) : "";
        return $"{view.Name}: {ratio}{range}.";
    }
}
