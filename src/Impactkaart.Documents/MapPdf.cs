using Impactkaart.Documents.Drawing;
using Impactkaart.Engine;
using Impactkaart.Engine.Calculation;
using Impactkaart.Engine.Model;
using Impactkaart.Reports;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Impactkaart.Documents;

/// <summary>
/// The Impactkaart as a funder keeps it, on A4 portrait: the first page holds the project, any warning, the two views
/// side by side with equal weight (each its ratio, range, chance and what only it counts), what the figures assume and
/// why the range is what it is, vector bar charts and hours saved; then the evidence per outcome, the qualitative
/// effects, what is deliberately not counted and every source in full. The published examples fit on one page; a
/// longer list continues on a second page rather than being cut. The regions above the lists have bounded heights.
/// </summary>
public static class MapPdf
{
    private const double PageWidth = 595.28;
    private const double Margin = 36;
    private const double ContentWidth = PageWidth - 2 * Margin;
    private const double ColumnGap = 22;
    private const double ColumnWidth = (ContentWidth - ColumnGap) / 2;

    /// <summary>The PDF bytes. Text is drawn as text (never interpreted) in embedded DejaVu Sans subsets.</summary>
    public static byte[] Render(ImpactModel model, ImpactMap map, Language language)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(map);
        DejaVuFontResolver.EnsureRegistered();
        var f = new Formats(language);
        var name = map.Input.Name is { Length: > 0 } n ? EmbeddedFonts.Clean(n) : null;

        using var document = new PdfDocument();
        document.Info.Title = f[ReportTexts.Title] + ": " + (name ?? f[map.Input.ReferenceProject.Label]);
        document.Info.Creator = "Impactkaart";
        document.Info.Subject = f.Format(ReportTexts.ModelLine, map.ModelVersion, model.PriceYear);
        // Graphics write their page when disposed, so the flow ends before the document is saved.
        using (var flow = new Flow(document, gfx => Footer(gfx, model, map, f)))
        {
            var gfx = flow.Graphics;
            var y = Header(gfx, map, f, name);
            y = Warnings(gfx, map, f, y + 10);
            y = Views(gfx, map, f, y + 12);
            y = Notes(gfx, map, f, y + 4);
            flow.Y = ChartBlock(gfx, model, map, f, y + 10);
            // The lists flow on: what does not fit on the map's page continues on the next one, never cut short, so
            // a funder always has every outcome's evidence, what is not counted and every source in full.
            EvidenceLines(flow, model, map, f);
            Qualitative(flow, map, f);
            NotCounted(flow, map, f);
            Sources(flow, model, map, f);
        }
        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    private static double Header(XGraphics gfx, ImpactMap map, Formats f, string? name)
    {
        var input = map.Input;
        var project = input.ReferenceProject;
        var titleLines = EmbeddedFonts.Wrap(name ?? f[project.Label], ContentWidth, 18, true, 2);
        var bandHeight = 44 + 22 * titleLines.Count;
        gfx.DrawRectangle(new XSolidBrush(PdfPainter.Colour(Palette.Blue)), 0, 0, PageWidth, bandHeight);
        Text(gfx, f[ReportTexts.Title], Margin, 28, 9, false, Palette.LightBlue);
        for (var i = 0; i < titleLines.Count; i++)
        {
            Text(gfx, titleLines[i], Margin, 50 + 22 * i, 18, true, Palette.White);
        }
        var facts = new List<string>
        {
            f[ReportTexts.ReferenceProject] + ": " + f[project.Label],
            f.Count(input.Participants, Nouns.Participant),
            f[Labels.Costs] + " " + f.Amount(input.Costs.Total.Euros),
            f[ReportTexts.Duration] + " " + f.Count(input.Months, Nouns.Month),
        };
        if (input.Start is { } start)
        {
            facts.Add(f[ReportTexts.Start] + " " + start.ToString("d MMMM yyyy", f.Culture));
        }
        facts.Add(f[ReportTexts.Phase] + ": " + f.Phase(input.Phase));
        var y = bandHeight + 16;
        foreach (var line in EmbeddedFonts.Wrap(string.Join(" · ", facts), ContentWidth, 8.5, false, 2))
        {
            Text(gfx, line, Margin, y, 8.5, false, Palette.Muted);
            y += 11;
        }
        return y - 11;
    }

    /// <summary>The map's warnings in an orange-edged box across the page, three lines each at most.</summary>
    private static double Warnings(XGraphics gfx, ImpactMap map, Formats f, double y)
    {
        if (map.Warnings.Count == 0)
        {
            return y - 10;
        }
        var lead = f[Labels.WarningHeading] + ": ";
        var leadWidth = EmbeddedFonts.Measure(lead.TrimEnd(), 8, true) + 8 * 0.35;
        var width = ContentWidth - 16;
        var lines = EmbeddedFonts.Wrap(string.Join(" ", map.Warnings.Select(w => f[w.Message])), width - leadWidth, width, 8, false, 4);
        var height = 8 + 10.5 * lines.Count;
        gfx.DrawRectangle(new XSolidBrush(PdfPainter.Colour(Palette.WarningBack)), Margin, y, ContentWidth, height);
        gfx.DrawRectangle(new XSolidBrush(PdfPainter.Colour(Palette.Orange)), Margin, y, 3, height);
        Text(gfx, lead.TrimEnd(), Margin + 10, y + 12, 8, true, Palette.Ink);
        for (var i = 0; i < lines.Count; i++)
        {
            Text(gfx, lines[i], Margin + 10 + (i == 0 ? leadWidth : 0), y + 12 + 10.5 * i, 8, false, Palette.Ink);
        }
        return y + height;
    }

    private const double CardHeight = 134;

    /// <summary>The two views as two boxes of the same size: money returned left, value to society right.</summary>
    private static double Views(XGraphics gfx, ImpactMap map, Formats f, double y)
    {
        Card(gfx, MapViews.Money(map, f), f, Margin, y, Palette.Blue);
        Card(gfx, MapViews.Welfare(map, f), f, Margin + ColumnWidth + ColumnGap, y, Palette.Teal);
        return y + CardHeight;
    }

    private static void Card(XGraphics gfx, MapView view, Formats f, double x, double top, string colour)
    {
        const double padding = 9;
        var inner = ColumnWidth - 2 * padding;
        var left = x + padding;
        gfx.DrawRectangle(new XSolidBrush(PdfPainter.Colour(Palette.LightBlue)), x, top, ColumnWidth, CardHeight);
        gfx.DrawRectangle(new XSolidBrush(PdfPainter.Colour(colour)), x, top, ColumnWidth, 3);
        Text(gfx, EmbeddedFonts.Fit(view.Name, inner, 12, true), left, top + 18, 12, true, Palette.Ink);
        var y = top + 29;
        foreach (var line in EmbeddedFonts.Wrap(view.Explanation, inner, 7.5, false, 2))
        {
            Text(gfx, line, left, y, 7.5, false, Palette.Muted);
            y += 9;
        }
        if (view.Ratio is { } ratio)
        {
            var value = f.Money(ratio.Value);
            var size = Math.Min(24, 24 * inner / Math.Max(1, EmbeddedFonts.Measure(value, 24, true)));
            Text(gfx, value, left, top + 68, size, true, colour);
            var after = left + EmbeddedFonts.Measure(value, size, true) + 6;
            Text(gfx, EmbeddedFonts.Fit(f[Labels.PerEuroInvested], left + inner - after, 8.5, false), after, top + 68, 8.5, false, Palette.Ink);
        }
        else
        {
            Text(gfx, EmbeddedFonts.Fit(f[Labels.NoRatio], inner, 9, true), left, top + 66, 9, true, Palette.Ink);
        }
        if (view.Range(f) is { } range)
        {
            Text(gfx, EmbeddedFonts.Fit(range, inner, 8, false), left, top + 84, 8, false, Palette.Ink);
            Text(gfx, EmbeddedFonts.Fit(view.Chance(f)!, inner, 8.5, true), left, top + 96, 8.5, true, Palette.Ink);
        }
        else
        {
            Text(gfx, EmbeddedFonts.Fit(f[ReportTexts.NoUncertainty], inner, 8, false), left, top + 84, 8, false, Palette.Muted);
        }
        Text(gfx, EmbeddedFonts.Fit(f[Labels.BenefitsShort] + " " + f.Amount(view.Benefits.Euros) + " · " + f[Labels.NpvShort] + " " + f.Amount(view.NetPresentValue.Euros), inner, 7.5, false),
            left, top + 109, 7.5, false, Palette.Ink);
        foreach (var (line, i) in EmbeddedFonts.Wrap(view.OnlyHere, inner, 7, false, 2).Select((l, i) => (l, i)))
        {
            Text(gfx, line, left, top + 119 + 8.5 * i, 7, false, Palette.Muted);
        }
    }

    /// <summary>
    /// Under the views: what the large figures assume, why the range is what it is, how much rests on assumptions,
    /// and costs, payback and break-even in one line.
    /// </summary>
    private static double Notes(XGraphics gfx, ImpactMap map, Formats f, double y)
    {
        var paragraphs = new List<(string Text, bool Bold)> { (f[Labels.CentralAssumes] + " " + f[Labels.CentralAssumesWhy], false) };
        if (map.Uncertainty is { } u)
        {
            paragraphs.Add((f[u.Explanation] + " " + f.Format(ReportTexts.RangeDetail, f.Number(u.Draws, 0)), false));
        }
        if (MapViews.AssumedShare(map, f) is { } assumed)
        {
            paragraphs.Add((assumed + (MapViews.CalibratedShare(map, f) is { } calibrated ? " " + calibrated : ""), true));
        }
        var facts = new List<string>
        {
            f[Labels.CostsPv] + " " + f.Amount(map.Costs.Euros),
            f[Labels.Payback] + " " + (map.Payback is { } p ? f.Count(p.Value, Nouns.Year, 1) : f[Labels.NoPayback]),
        };
        if (map.BreakEven.Participants is { } n && map.BreakEven.EffectShare is { } share)
        {
            // Above 1 the effects must be larger than modelled to break even, not "-75% smaller".
            facts.Add(share.Value <= 1m
                ? f.Format(ReportTexts.BreakEvenLine, f.Count(n, Nouns.Participant), f.Percent(1m - share.Value))
                : f.Format(ReportTexts.BreakEvenLineLarger, f.Count(n, Nouns.Participant), f.Percent(share.Value - 1m)));
        }
        paragraphs.Add((string.Join(" · ", facts), false));
        foreach (var (text, bold) in paragraphs)
        {
            foreach (var line in EmbeddedFonts.Wrap(text, ContentWidth, 7.5, bold, 3))
            {
                y += 9.5;
                Text(gfx, line, Margin, y, 7.5, bold, Palette.Ink);
            }
        }
        return y;
    }

    /// <summary>Two columns: costs and benefits and payers left, hours saved and its lines right.</summary>
    private static double ChartBlock(XGraphics gfx, ImpactModel model, ImpactMap map, Formats f, double y)
    {
        var left = Column(gfx, f, Margin, y, [(MapCharts.CostsVersusBenefits(map, f), 3, false), (MapCharts.ByPayer(map, f), 5, false)]);
        var rightX = Margin + ColumnWidth + ColumnGap;
        var right = Column(gfx, f, rightX, y, [(MapCharts.HoursBySector(map, f), 5, true)]);
        right = LabourLines(gfx, model, map, f, rightX, right + 4);
        return Math.Max(left, right);
    }

    private static double Column(XGraphics gfx, Formats f, double x, double y, (BarChart Chart, int Rows, bool Hours)[] charts)
    {
        foreach (var (chart, rows, hours) in charts)
        {
            Text(gfx, chart.Title, x, y + 9, 10, true, Palette.Ink);
            var scene = MapCharts.Limit(chart, rows, f, hours).Draw(ColumnWidth, 14, 7.5, labelShare: 0.5);
            PdfPainter.Draw(gfx, scene, x, y + 14);
            y += 14 + scene.Height + 12;
        }
        return y - 12;
    }

    /// <summary>Per outcome its evidence grade and what that rests on; an effect fitted to the sector's example says so.</summary>
    private static void EvidenceLines(Flow flow, ImpactModel model, ImpactMap map, Formats f) =>
        Bullets(flow, f, f[Labels.EvidenceHeading], [.. map.ByOutcome.Select(o => (
            f[o.Outcome.Label] + " · " + f.Evidence(model.Evidence, o.Outcome.Evidence) + (o.Measured ? " " + f[Labels.MeasuredMark] : "") + ": ",
            f.EvidenceBasis(model.Evidence, o.Outcome)))], 7, 8.6);

    private static double LabourLines(XGraphics gfx, ImpactModel model, ImpactMap map, Formats f, double x, double y)
    {
        var lines = new List<string>();
        if (map.Labour.Count > 0)
        {
            lines.Add(f.Format(ReportTexts.TotalHours, f.Count(map.HoursSaved.Value, Nouns.Hour), f.Fixed(map.Labour.Sum(l => l.Fte), 2)));
            lines.Add(f.Format(ReportTexts.TopProfessions, MapCharts.TopProfessions(map, f, 3)));
        }
        if (map.OwnHours is { } own)
        {
            lines.Add(f[model.OwnProfession.Label] + ": " + MapCharts.HoursText(f, own.Hours.Value, own.Fte));
        }
        foreach (var line in lines.SelectMany(l => EmbeddedFonts.Wrap(l, ColumnWidth, 7.5, false, 2)))
        {
            y += 10;
            Text(gfx, line, x, y, 7.5, false, Palette.Ink);
        }
        return y;
    }

    private static void Qualitative(Flow flow, ImpactMap map, Formats f)
    {
        var items = map.Input.ReferenceProject.Qualitative;
        Bullets(flow, f, f[Labels.QualitativeHeading],
            items.Count == 0 ? [("", f[Labels.NotApplicable])] : [.. items.Select(q => ("", f[q.Text]))], 8, 10.5);
    }

    /// <summary>What the reference project deliberately leaves out of the figures, and why: a funder must see what is not claimed.</summary>
    private static void NotCounted(Flow flow, ImpactMap map, Formats f)
    {
        var items = map.Input.ReferenceProject.NotClaimed;
        if (items.Count > 0)
        {
            Bullets(flow, f, f[Labels.NotCountedHeading], [.. items.Select(n => (f[n.Label] + ": ", f[n.Reason]))], 7.5, 9.2);
        }
    }

    /// <summary>Every source in full: authors, title, year and kind.</summary>
    private static void Sources(Flow flow, ImpactModel model, ImpactMap map, Formats f) =>
        Bullets(flow, f, f[Labels.SourcesHeading],
            [.. MapSources.For(model, map).Select(s => ("", $"{s.Citation} ({s.Year}, {f.Reliability(s.Reliability)})"))], 7, 8.4);

    /// <summary>
    /// A heading and bullet items of a bold lead and plain text, each wrapped in full. An item that does not fit
    /// above the footer moves to a new page; the heading never stays behind alone.
    /// </summary>
    private static void Bullets(Flow flow, Formats f, string heading, List<(string Lead, string Text)> items, double size, double lineHeight)
    {
        const double headingHeight = 16;
        for (var i = 0; i < items.Count; i++)
        {
            var (lead, text) = items[i];
            // A trailing space does not count in the measured width: the gap is added by hand.
            var leadWidth = lead.Length == 0 ? 0 : EmbeddedFonts.Measure(lead.TrimEnd(), size, true) + size * 0.35;
            var lines = EmbeddedFonts.Wrap(text, ContentWidth - 10 - leadWidth, ContentWidth - 10, size, false, int.MaxValue);
            flow.Reserve(lineHeight * lines.Count + (i == 0 ? headingHeight : 0));
            var gfx = flow.Graphics;
            var y = flow.Y;
            if (i == 0)
            {
                y += headingHeight;
                Text(gfx, heading, Margin, y, 10, true, Palette.Ink);
            }
            y += lineHeight;
            Text(gfx, "•", Margin + 1, y, size, false, Palette.Teal);
            if (lead.Length > 0)
            {
                Text(gfx, lead.TrimEnd(), Margin + 10, y, size, true, Palette.Ink);
            }
            for (var l = 0; l < lines.Count; l++)
            {
                if (l > 0)
                {
                    y += lineHeight;
                }
                Text(gfx, lines[l], Margin + 10 + (l == 0 ? leadWidth : 0), y, size, false, Palette.Ink);
            }
            flow.Y = y;
        }
    }

    /// <summary>
    /// The pages of the document as they fill: the current page's graphics and how far down it is written. A page
    /// gets its footer when it is made, so every page carries the model version and price year.
    /// </summary>
    private sealed class Flow : IDisposable
    {
        private const double Top = 40;
        private const double Bottom = 796;
        private readonly PdfDocument document;
        private readonly Action<XGraphics> footer;

        public Flow(PdfDocument document, Action<XGraphics> footer)
        {
            this.document = document;
            this.footer = footer;
            Graphics = NewPage();
        }

        public XGraphics Graphics { get; private set; }

        public double Y { get; set; }

        /// <summary>Starts a new page unless <paramref name="height"/> more still fits above the footer.</summary>
        public void Reserve(double height)
        {
            if (Y + height > Bottom && Y > Top)
            {
                Graphics.Dispose();
                Graphics = NewPage();
                Y = Top;
            }
        }

        private XGraphics NewPage()
        {
            var page = document.AddPage();
            page.Size = PageSize.A4;
            page.Orientation = PageOrientation.Portrait;
            var graphics = XGraphics.FromPdfPage(page);
            footer(graphics);
            return graphics;
        }

        public void Dispose() => Graphics.Dispose();
    }

    private static void Footer(XGraphics gfx, ImpactModel model, ImpactMap map, Formats f)
    {
        var footer = MapGraphic.Footer(model, map, f);
        gfx.DrawLine(new XPen(PdfPainter.Colour(Palette.Track), 0.6), Margin, 804, PageWidth - Margin, 804);
        foreach (var (line, i) in EmbeddedFonts.Wrap(footer, ContentWidth, 7, false, 2).Select((l, i) => (l, i)))
        {
            Text(gfx, line, Margin, 816 + i * 9, 7, false, Palette.Muted);
        }
    }

    private static void Text(XGraphics gfx, string text, double x, double baseline, double size, bool bold, string colour) =>
        PdfPainter.DrawText(gfx, text, x, baseline, size, bold, Anchor.Start, colour);
}
