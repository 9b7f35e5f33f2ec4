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
/// The Impactkaart on exactly one A4 portrait page: the project, any warning, the two views side by side with equal
/// weight (each its ratio, range, chance and what only it counts), what the figures assume and why the range is what
/// it is, vector bar charts, hours saved, the evidence per outcome, qualitative effects and sources. Every region has
/// a bounded height and every list is cut with "and N more", so the page never overflows whatever the data.
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
        var page = document.AddPage();
        page.Size = PageSize.A4;
        page.Orientation = PageOrientation.Portrait;
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            var y = Header(gfx, map, f, name);
            y = Warnings(gfx, map, f, y + 10);
            y = Views(gfx, map, f, y + 12);
            y = Notes(gfx, map, f, y + 4);
            y = ChartBlock(gfx, model, map, f, y + 10);
            y = EvidenceLines(gfx, model, map, f, y + 8, bottom: 712);
            y = Qualitative(gfx, map, f, y + 8, bottom: Math.Max(y + 60, 730));
            Sources(gfx, model, map, f, y + 8, bottom: 792);
            Footer(gfx, model, map, f);
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
            f.Format(Labels.ParticipantsCount, f.Number(input.Participants, 0)),
            f[Labels.Costs] + " " + f.Money(input.Costs.Total.Euros),
            f[ReportTexts.Duration] + " " + f.Format(ReportTexts.MonthsValue, input.Months),
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

    private const double CardHeight = 126;

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
        Text(gfx, EmbeddedFonts.Fit(f[Labels.BenefitsShort] + " " + f.MoneyWhole(view.Benefits.Euros) + " · " + f[Labels.NpvShort] + " " + f.MoneyWhole(view.NetPresentValue.Euros), inner, 7.5, false),
            left, top + 109, 7.5, false, Palette.Ink);
        Text(gfx, EmbeddedFonts.Fit(view.OnlyHere, inner, 7, false), left, top + 119, 7, false, Palette.Muted);
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
            paragraphs.Add((f[u.Explanation] + " " + f.Format(ReportTexts.RangeDetail, f.Number(u.Draws, 0), u.Seed), false));
        }
        if (MapViews.AssumedShare(map, f) is { } assumed)
        {
            paragraphs.Add((assumed + (MapViews.CalibratedShare(map, f) is { } calibrated ? " " + calibrated : ""), true));
        }
        var facts = new List<string>
        {
            f[Labels.CostsPv] + " " + f.MoneyWhole(map.Costs.Euros),
            f[Labels.Payback] + " " + (map.Payback is { } p ? f.Format(Labels.YearsValue, f.Fixed(p.Value, 1)) : f[Labels.NoPayback]),
        };
        if (map.BreakEven.Participants is { } n && map.BreakEven.EffectShare is { } share)
        {
            // Above 1 the effects must be larger than modelled to break even, not "-75% smaller".
            facts.Add(share.Value <= 1m
                ? f.Format(ReportTexts.BreakEvenLine, f.Number(n, 0), f.Percent(1m - share.Value))
                : f.Format(ReportTexts.BreakEvenLineLarger, f.Number(n, 0), f.Percent(share.Value - 1m)));
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

    /// <summary>
    /// Per outcome its evidence grade and what that rests on, two lines at most; an effect fitted to the sector's
    /// example says so. Cut with "and N more" above <paramref name="bottom"/>.
    /// </summary>
    private static double EvidenceLines(XGraphics gfx, ImpactModel model, ImpactMap map, Formats f, double y, double bottom)
    {
        y += 10;
        Text(gfx, f[Labels.EvidenceHeading], Margin, y, 10, true, Palette.Ink);
        const double lineHeight = 9;
        var outcomes = map.ByOutcome;
        for (var i = 0; i < outcomes.Count; i++)
        {
            var o = outcomes[i];
            var head = f[o.Outcome.Label] + " · " + f.Evidence(model.Evidence, o.Outcome.Evidence) + (o.Measured ? " " + f[Labels.MeasuredMark] : "") + ": ";
            // A trailing space does not count in the measured width: the gap is added by hand.
            var headWidth = EmbeddedFonts.Measure(head.TrimEnd(), 7, true) + 7 * 0.35;
            var lines = EmbeddedFonts.Wrap(f.EvidenceBasis(model.Evidence, o.Outcome), ContentWidth - 10 - headWidth, ContentWidth - 10, 7, false, 3);
            var needed = lineHeight * Math.Max(1, lines.Count);
            var reserve = i < outcomes.Count - 1 ? lineHeight : 0;
            if (y + needed + reserve > bottom)
            {
                Text(gfx, f.Format(ReportTexts.AndMore, outcomes.Count - i), Margin + 10, y + lineHeight, 7, false, Palette.Muted);
                return y + lineHeight;
            }
            y += lineHeight;
            Text(gfx, "•", Margin + 1, y, 7, false, Palette.Teal);
            Text(gfx, head, Margin + 10, y, 7, true, Palette.Ink);
            for (var l = 0; l < lines.Count; l++)
            {
                if (l > 0)
                {
                    y += lineHeight;
                }
                Text(gfx, lines[l], Margin + 10 + (l == 0 ? headWidth : 0), y, 7, false, Palette.Ink);
            }
        }
        return y;
    }

    private static double LabourLines(XGraphics gfx, ImpactModel model, ImpactMap map, Formats f, double x, double y)
    {
        var lines = new List<string>();
        if (map.Labour.Count > 0)
        {
            lines.Add(f.Format(ReportTexts.TotalHours, f.Number(map.HoursSaved.Value, 0), f.Fixed(map.Labour.Sum(l => l.Fte), 2)));
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

    private static double Qualitative(XGraphics gfx, ImpactMap map, Formats f, double y, double bottom)
    {
        var items = map.Input.ReferenceProject.Qualitative;
        y += 10;
        Text(gfx, f[Labels.QualitativeHeading], Margin, y, 10, true, Palette.Ink);
        if (items.Count == 0)
        {
            Text(gfx, f[Labels.NotApplicable], Margin, y + 12, 8, false, Palette.Muted);
            return y + 12;
        }
        const double lineHeight = 10.5;
        for (var i = 0; i < items.Count; i++)
        {
            var lines = EmbeddedFonts.Wrap(f[items[i].Text], ContentWidth - 10, 8, false, 2);
            // Keep one line free for "and N more" when items are left after this one.
            var reserve = i < items.Count - 1 ? lineHeight : 0;
            if (y + lines.Count * lineHeight + reserve > bottom)
            {
                Text(gfx, f.Format(ReportTexts.AndMore, items.Count - i), Margin + 10, y + lineHeight, 8, false, Palette.Muted);
                return y + lineHeight;
            }
            Text(gfx, "•", Margin + 1, y + lineHeight, 8, false, Palette.Teal);
            foreach (var line in lines)
            {
                y += lineHeight;
                Text(gfx, line, Margin + 10, y, 8, false, Palette.Ink);
            }
        }
        return y;
    }

    private static void Sources(XGraphics gfx, ImpactModel model, ImpactMap map, Formats f, double y, double bottom)
    {
        var sources = MapSources.For(model, map);
        y += 10;
        Text(gfx, f[Labels.SourcesHeading], Margin, y, 10, true, Palette.Ink);
        const double lineHeight = 9.5;
        const double idWidth = 140;
        for (var i = 0; i < sources.Count; i++)
        {
            var reserve = i < sources.Count - 1 ? lineHeight : 0;
            if (y + lineHeight + reserve > bottom)
            {
                Text(gfx, f.Format(ReportTexts.AndMore, sources.Count - i), Margin, y + lineHeight, 7, false, Palette.Muted);
                return;
            }
            y += lineHeight;
            var s = sources[i];
            Text(gfx, EmbeddedFonts.Fit(s.Id, idWidth - 6, 7, true), Margin, y, 7, true, Palette.Ink);
            var citation = $"{s.Citation} ({s.Year}, {f.Reliability(s.Reliability)})";
            Text(gfx, EmbeddedFonts.Fit(citation, ContentWidth - idWidth, 7, false), Margin + idWidth, y, 7, false, Palette.Ink);
        }
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
