using Impactkaart.Engine;
using Impactkaart.Engine.Calculation;
using Impactkaart.Engine.Model;
using Impactkaart.Reports.Drawing;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Impactkaart.Reports;

/// <summary>
/// The Impactkaart on exactly one A4 portrait page: the project, the headline ratio with its range and chance, key
/// figures, vector bar charts, hours saved, qualitative effects and sources. Every region has a fixed height and
/// every list is cut with "and N more", so the page never overflows whatever the data.
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
            y = Headline(gfx, map, f, y + 16);
            y = KeyFigures(gfx, map, f, y + 10);
            y = ChartBlock(gfx, map, f, y + 14);
            y = LabourLines(gfx, model, map, f, y + 6);
            y = Qualitative(gfx, map, f, y + 12, bottom: 640);
            Sources(gfx, model, map, f, y + 12, bottom: 792);
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

    private static double Headline(XGraphics gfx, ImpactMap map, Formats f, double y)
    {
        y += 12;
        var headline = map.Ratio is { } ratio ? f.Format(ReportTexts.Headline, f.Money(ratio.Value)) : f[Labels.NoRatio];
        Text(gfx, EmbeddedFonts.Fit(headline, ContentWidth, 19, true), Margin, y, 19, true, Palette.Blue);
        Text(gfx, f[ReportTexts.FinancialView], Margin, y + 13, 8, false, Palette.Muted);
        y += 30;
        if (map.Uncertainty is { } u)
        {
            var range = f.Format(ReportTexts.Range, f.Money(u.RatioP10.Value), f.Money(u.RatioP90.Value)) + " "
                + f.Format(ReportTexts.RangeDetail, f.Number(u.Draws, 0), u.Seed);
            Text(gfx, EmbeddedFonts.Fit(range, ContentWidth, 10, false), Margin, y, 10, false, Palette.Ink);
            Text(gfx, f.Format(ReportTexts.Chance, f.Chance(u.ProbabilityRatioAboveOne.Value)), Margin, y + 15, 10, true, Palette.Teal);
            y += 15;
        }
        else
        {
            Text(gfx, f[ReportTexts.NoUncertainty], Margin, y, 10, false, Palette.Muted);
        }
        return y;
    }

    /// <summary>Six key figures in a 3 x 2 grid: label above value.</summary>
    private static double KeyFigures(XGraphics gfx, ImpactMap map, Formats f, double y)
    {
        var cells = new (string Label, string Value)[]
        {
            (f[Labels.CostsPv], f.Money(map.Costs.Euros)),
            (f[Labels.BenefitsFinancial], f.Money(map.Benefits.Euros)),
            (f[Labels.Npv], f.Money(map.NetPresentValue.Euros)),
            (f[Labels.Payback], map.Payback is { } p ? f.Format(Labels.YearsValue, f.Fixed(p.Value, 1)) : f[Labels.NoPayback]),
            (f[ReportTexts.WelfareRatioPlain], map.WelfareRatio is { } w ? f.Money(w.Value) : "-"),
            (f[Labels.NpvWelfare], f.Money(map.WelfareNetPresentValue.Euros)),
        };
        var cellWidth = ContentWidth / 3;
        gfx.DrawRectangle(new XSolidBrush(PdfPainter.Colour(Palette.LightBlue)), Margin, y, ContentWidth, 76);
        for (var i = 0; i < cells.Length; i++)
        {
            var x = Margin + 8 + i % 3 * cellWidth;
            var top = y + 6 + i / 3 * 34;
            var labelLines = EmbeddedFonts.Wrap(cells[i].Label, cellWidth - 14, 7, false, 2);
            // A long label (the welfare ratio's plain wording) takes two small lines; values stay on one baseline per row.
            for (var l = 0; l < labelLines.Count; l++)
            {
                Text(gfx, labelLines[l], x, top + 7 + l * 8, 7, false, Palette.Muted);
            }
            Text(gfx, EmbeddedFonts.Fit(cells[i].Value, cellWidth - 14, 11, true), x, top + 29, 11, true, Palette.Ink);
        }
        y += 76;
        if (map.BreakEven.Participants is { } n && map.BreakEven.EffectShare is { } share)
        {
            Text(gfx, EmbeddedFonts.Fit(f.Format(ReportTexts.BreakEvenLine, f.Number(n, 0), f.Percent(1m - share.Value)), ContentWidth, 8, false), Margin, y + 11, 8, false, Palette.Ink);
            y += 11;
        }
        return y;
    }

    /// <summary>Two columns of bar charts: costs and payers left, domains and hours right.</summary>
    private static double ChartBlock(XGraphics gfx, ImpactMap map, Formats f, double y)
    {
        var left = Column(gfx, f, Margin, y, [(MapCharts.CostsVersusBenefits(map, f), 3, false), (MapCharts.ByPayer(map, f), 5, false)]);
        var right = Column(gfx, f, Margin + ColumnWidth + ColumnGap, y, [(MapCharts.ByDomain(map, f), 5, false), (MapCharts.HoursBySector(map, f), 5, true)]);
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

    private static double LabourLines(XGraphics gfx, ImpactModel model, ImpactMap map, Formats f, double y)
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
        foreach (var line in lines)
        {
            y += 11;
            Text(gfx, EmbeddedFonts.Fit(line, ContentWidth, 8, false), Margin, y, 8, false, Palette.Ink);
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
