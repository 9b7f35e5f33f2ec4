using Impactkaart.Documents.Drawing;
using Impactkaart.Engine;
using Impactkaart.Reports;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Impactkaart.Documents;

/// <summary>
/// The council report ("raadsrapportage") as a printed report on A4 portrait: a title page (funder, scheme or whole
/// portfolio, date, projects and providers), then what was invested, what it returned with its range in both views,
/// who gained (the municipality first), hours and FTE saved per sector, the projects, the results against the
/// agreements and the qualitative effects; method and sources on the last page. Tables continue on the next page
/// with their header repeated, never cut short. Every page carries the funder, the model and its page number.
/// </summary>
public static class CouncilPdf
{
    private const double PageWidth = 595.28;
    private const double Margin = 42;
    private const double ContentWidth = PageWidth - 2 * Margin;

    /// <summary>The PDF bytes. Text is drawn as text (never interpreted) in embedded DejaVu Sans subsets.</summary>
    public static byte[] Render(CouncilReport report, Language language)
    {
        ArgumentNullException.ThrowIfNull(report);
        DejaVuFontResolver.EnsureRegistered();
        var f = new Formats(language);
        using var document = new PdfDocument();
        document.Info.Title = f[CouncilTexts.Title] + ": " + EmbeddedFonts.Clean(report.Funder);
        document.Info.Creator = "Impactkaart";
        document.Info.Subject = report.Scheme is { } scheme ? f.Format(CouncilTexts.SchemeLine, EmbeddedFonts.Clean(scheme)) : f[CouncilTexts.WholePortfolio];
        using (var flow = new Flow(document, (gfx, page) => Footer(gfx, report, f, page)))
        {
            TitlePage(flow, report, f);
            flow.NewPage();
            Invested(flow, report, f);
            Returned(flow, report, f);
            WhoGained(flow, report, f);
            Hours(flow, report, f);
            Projects(flow, report, f);
            Agreements(flow, report, f);
            Qualitative(flow, report, f);
            flow.NewPage();
            Method(flow, report, f);
            Sources(flow, report, f);
        }
        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    private static void TitlePage(Flow flow, CouncilReport r, Formats f)
    {
        var gfx = flow.Graphics;
        gfx.DrawRectangle(new XSolidBrush(PdfPainter.Colour(Palette.Blue)), 0, 0, PageWidth, 300);
        Text(gfx, f[CouncilTexts.Title], Margin, 120, 13, false, Palette.White);
        var y = 158.0;
        foreach (var line in EmbeddedFonts.Wrap(EmbeddedFonts.Clean(r.Funder), ContentWidth, 26, true, 3))
        {
            Text(gfx, line, Margin, y, 26, true, Palette.White);
            y += 32;
        }
        var selection = r.Scheme is { } scheme ? f.Format(CouncilTexts.SchemeLine, EmbeddedFonts.Clean(scheme)) : f[CouncilTexts.WholePortfolio];
        foreach (var line in EmbeddedFonts.Wrap(selection, ContentWidth, 15, false, 3))
        {
            Text(gfx, line, Margin, y + 6, 15, false, Palette.White);
            y += 20;
        }
        y = 350;
        Text(gfx, f.Format(CouncilTexts.DateLine, r.Date.ToString("d MMMM yyyy", f.Culture)), Margin, y, 12, true, Palette.Ink);
        var providers = f.Number(r.ProviderCount, 0) + " " + f[r.ProviderCount == 1 ? CouncilTexts.Provider : CouncilTexts.Providers];
        Text(gfx, f.Format(CouncilTexts.FactsLine, f.Count(r.ProjectCount, Nouns.Project), providers, f.Count(r.Participants, Nouns.Participant)),
            Margin, y + 20, 11, false, Palette.Ink);
        flow.Y = y + 44;
        Paragraph(flow, f.Format(CouncilTexts.Intro, r.PriceYear), 10, 14);
    }

    private static void Invested(Flow flow, CouncilReport r, Formats f)
    {
        Heading(flow, f[CouncilTexts.InvestedHeading]);
        Paragraph(flow, f[CouncilTexts.Invested] + ": " + f.Amount(r.Invested) + " · " + f.Count(r.ProjectCount, Nouns.Project) + " · "
            + f.Count(r.Participants, Nouns.Participant), 10, 14, bold: true);
    }

    /// <summary>The two views as boxes of the same size, one under the other: the money view (the headline) first, then the value to society.</summary>
    private static void Returned(Flow flow, CouncilReport r, Formats f)
    {
        Heading(flow, f[CouncilTexts.ReturnedHeading]);
        const double height = 96;
        flow.Reserve(2 * height + 20);
        var top = flow.Y + 6;
        Card(flow.Graphics, f, Margin, top, ContentWidth, height, Palette.Blue, f[CouncilTexts.MoneyView], f[CouncilTexts.MoneyViewExplained],
            r.Ratio, r.Benefits, r.NetPresentValue, r.Headline);
        top += height + 10;
        Card(flow.Graphics, f, Margin, top, ContentWidth, height, Palette.Teal, f[CouncilTexts.WelfareView], f[CouncilTexts.WelfareViewExplained],
            r.WelfareRatio, r.WelfareBenefits, r.WelfareNetPresentValue, r.Welfare);
        flow.Y = top + height;
    }

    private static void Card(XGraphics gfx, Formats f, double x, double top, double width, double height, string colour, string name, string explanation,
        decimal? ratio, decimal benefits, decimal npv, CouncilRange? range)
    {
        const double padding = 10;
        var inner = width - 2 * padding;
        var left = x + padding;
        gfx.DrawRectangle(new XSolidBrush(PdfPainter.Colour(Palette.LightBlue)), x, top, width, height);
        gfx.DrawRectangle(new XSolidBrush(PdfPainter.Colour(colour)), x, top, 3, height);
        var ratioText = ratio is { } value ? f.Format(CouncilTexts.PerEuro, f.Money(value)) : "";
        var ratioWidth = ratioText.Length == 0 ? 0 : EmbeddedFonts.Measure(ratioText, 13, true) + 12;
        Text(gfx, EmbeddedFonts.Fit(name, inner - ratioWidth, 12, true), left, top + 19, 12, true, Palette.Ink);
        if (ratioText.Length > 0)
        {
            PdfPainter.DrawText(gfx, ratioText, x + width - padding, top + 19, 13, true, Anchor.End, colour);
        }
        var lines = new List<(string Text, bool Bold, double Size, string Colour)> { (explanation, false, 7.5, Palette.Muted) };
        lines.Add((f[CouncilTexts.Benefits] + " " + f.Amount(benefits) + " · " + f[CouncilTexts.NetPresentValue] + " " + f.Amount(npv), false, 8.5, Palette.Ink));
        if (range is null)
        {
            lines.Add((f[CouncilTexts.NoRange], false, 8.5, Palette.Ink));
        }
        else
        {
            lines.Add((f.Format(CouncilTexts.RangeLine, f.AmountRange(range.P10, range.P90), f.Amount(range.P50)), false, 8.5, Palette.Ink));
            lines.Add((f.Format(CouncilTexts.ChanceLine, f.Chance(range.ChancePositive)), true, 8.5, Palette.Ink));
        }
        var y = top + 33;
        foreach (var (text, bold, size, ink) in lines)
        {
            foreach (var line in EmbeddedFonts.Wrap(text, inner, size, bold, 2))
            {
                Text(gfx, line, left, y, size, bold, ink);
                y += size + 3.5;
            }
            y += 2;
        }
    }

    private static void WhoGained(Flow flow, CouncilReport r, Formats f)
    {
        Heading(flow, f[CouncilTexts.WhoGainedHeading]);
        Table(flow, [new(f[CouncilTexts.Payer], 0.56, false), new(f[CouncilTexts.Amount], 0.22, true), new(f[CouncilTexts.OfWhichTransfers], 0.22, true)],
            [.. r.Payers.Select(p => new[] { f[p.Label], f.Amount(p.Amount), f.Amount(p.Transfers) })], total: null);
    }

    private static void Hours(Flow flow, CouncilReport r, Formats f)
    {
        Heading(flow, f[CouncilTexts.HoursHeading]);
        var sectors = r.Sectors.Where(s => s.Hours > 0).ToList();
        if (sectors.Count == 0)
        {
            Paragraph(flow, f[CouncilTexts.NoHours], 9, 12);
            return;
        }
        Table(flow, [new(f[CouncilTexts.Sector], 0.6, false), new(f[CouncilTexts.Hours], 0.2, true), new(f[CouncilTexts.Fte], 0.2, true)],
            [.. sectors.Select(s => new[] { f[s.Label], f.Number((decimal)s.Hours, 0), f.Fixed((decimal)s.Fte, 2) })], total: null);
        Paragraph(flow, f.Format(CouncilTexts.HoursTotal, f.Count((decimal)r.HoursSaved, Nouns.Hour), f.Fixed((decimal)r.FteSaved, 2)), 8.5, 12);
    }

    private static void Projects(Flow flow, CouncilReport r, Formats f)
    {
        Column[] columns =
        [
            new(f[CouncilTexts.ProviderColumn], 0.17, false), new(f[CouncilTexts.ProjectColumn], 0.24, false), new(f[CouncilTexts.SchemeColumn], 0.14, false),
            new(f[CouncilTexts.PhaseColumn], 0.10, false), new(f[CouncilTexts.Invested], 0.13, true), new(f[CouncilTexts.Benefits], 0.13, true),
            new(f[CouncilTexts.RatioColumn], 0.09, true),
        ];
        string[][] rows = [.. r.Projects.Select(p => new[]
        {
            p.Provider, p.Name + " · " + f[p.ReferenceProject] + (p.Neighbourhoods.Length > 0 ? " · " + p.Neighbourhoods : ""), p.Scheme,
            f.Phase(p.Phase), f.Amount(p.Invested), f.Amount(p.Benefits), p.Ratio is { } ratio ? f.Money(ratio) : "",
        })];
        Heading(flow, f[CouncilTexts.ProjectsHeading], TableStartHeight(columns, rows));
        Table(flow, columns, rows,
            total: [f[CouncilTexts.Total], f.Count(r.ProjectCount, Nouns.Project), "", "", f.Amount(r.Invested), f.Amount(r.Benefits), r.Ratio is { } all ? f.Money(all) : ""]);
    }

    private static void Agreements(Flow flow, CouncilReport r, Formats f)
    {
        if (r.Agreements.Count == 0)
        {
            Heading(flow, f[CouncilTexts.AgreementsHeading]);
            Paragraph(flow, f[CouncilTexts.NoAgreements], 9, 12);
            return;
        }
        Column[] columns =
        [
            new(f[CouncilTexts.ProjectColumn], 0.17, false), new(f[CouncilTexts.AgreementColumn], 0.16, false), new(f[CouncilTexts.TargetColumn], 0.07, true),
            new(f[CouncilTexts.PlanColumn], 0.07, true), new(f[CouncilTexts.DueColumn], 0.11, true), new(f[CouncilTexts.AchievedColumn], 0.13, true),
            new(f[CouncilTexts.DifferenceColumn], 0.29, false),
        ];
        string[][] rows = [.. r.Agreements.Select(a => new[]
        {
            a.Provider + ": " + a.Project, f[a.Label], f.Auto((decimal)a.Target), a.Planned is { } planned ? f.Auto((decimal)planned) : "—",
            a.Due.ToString("d MMM yyyy", f.Culture), a.Achieved is { } achieved ? f.Auto((decimal)achieved) : f[CouncilTexts.NotYet],
            a.Story.Length > 0 ? f[a.Difference] + " " + a.Story : f[a.Difference],
        })];
        // An agreement's row is several lines tall: the heading waits for it on the next page rather than stand alone.
        Heading(flow, f[CouncilTexts.AgreementsHeading], TableStartHeight(columns, rows));
        Table(flow, columns, rows, total: null);
    }

    private static void Qualitative(Flow flow, CouncilReport r, Formats f)
    {
        if (r.Qualitative.Count == 0)
        {
            return;
        }
        // The heading, its introduction and the first kind of project start on the same page.
        flow.Reserve(90 + BlockHeight(r.Qualitative[0]));
        Heading(flow, f[CouncilTexts.QualitativeHeading]);
        Paragraph(flow, f[CouncilTexts.QualitativeIntro], 8.5, 12);
        foreach (var q in r.Qualitative)
        {
            // A kind of project's effects stay together on one page.
            flow.Reserve(BlockHeight(q));
            flow.Y += 6;
            Paragraph(flow, f[q.ReferenceProject], 9, 12, bold: true);
            foreach (var effect in q.Effects)
            {
                Bullet(flow, f[effect], 8.5, 11);
            }
        }
    }

    private static double BlockHeight(CouncilQualitative q) => 18 + 11 * q.Effects.Count;

    private static void Method(Flow flow, CouncilReport r, Formats f)
    {
        Heading(flow, f[CouncilTexts.MethodHeading]);
        foreach (var line in f.Format(CouncilTexts.MethodLines, f.Number(r.Draws, 0)).Split('|'))
        {
            Paragraph(flow, line, 8.5, 11.5);
            flow.Y += 4;
        }
    }

    private static void Sources(Flow flow, CouncilReport r, Formats f)
    {
        Heading(flow, f[CouncilTexts.SourcesHeading]);
        foreach (var s in r.Sources)
        {
            Bullet(flow, $"{s.Citation} ({s.Year}, {f.Reliability(s.Reliability)})", 7, 8.6);
        }
    }

    // ---- building blocks ----

    private sealed record Column(string Header, double Share, bool Right);

    /// <summary>
    /// A table across the content width: a header row, then rows whose cells wrap within their column (three lines at
    /// most for a long name). A row that does not fit moves to the next page, where the header is drawn again.
    /// </summary>
    private static void Table(Flow flow, Column[] columns, string[][] rows, string[]? total)
    {
        const double size = TableSize;
        const double line = TableLine;
        const double padding = TablePadding;
        var widths = Widths(columns);
        void HeaderRow()
        {
            var wrapped = HeaderCells(columns, widths);
            var height = line * wrapped.Max(w => w.Count) + 2 * padding;
            // The header stays on the page of the first row under it.
            flow.Reserve(height + (rows.Length > 0 ? RowHeight(BodyCells(rows[0], widths, bold: false)) : line * 2));
            DrawRow(flow, columns, widths, wrapped, height, size, line, padding, bold: true, Palette.LightBlue);
        }
        HeaderRow();
        foreach (var (cells, i) in rows.Select((c, i) => (c, i)).Concat(total is null ? [] : [(total, -1)]))
        {
            var bold = i < 0;
            var wrapped = BodyCells(cells, widths, bold);
            var height = RowHeight(wrapped);
            if (flow.WouldBreak(height))
            {
                flow.NewPage();
                HeaderRow();
            }
            DrawRow(flow, columns, widths, wrapped, height, size, line, padding, bold, bold ? Palette.Track : null);
        }
        flow.Y += 6;
    }

    private const double TableSize = 7.5;
    private const double TableLine = 9.5;
    private const double TablePadding = 3;

    private static double[] Widths(Column[] columns) => [.. columns.Select(c => c.Share * ContentWidth)];

    private static List<IReadOnlyList<string>> HeaderCells(Column[] columns, double[] widths) =>
        [.. columns.Select((c, i) => EmbeddedFonts.Wrap(c.Header, widths[i] - 2 * TablePadding, TableSize, true, 2))];

    private static List<IReadOnlyList<string>> BodyCells(string[] cells, double[] widths, bool bold) =>
        [.. cells.Select((c, col) => EmbeddedFonts.Wrap(EmbeddedFonts.Clean(c), widths[col] - 2 * TablePadding, TableSize, bold, 3))];

    private static double RowHeight(List<IReadOnlyList<string>> cells) => TableLine * Math.Max(1, cells.Max(w => w.Count)) + 2 * TablePadding;

    /// <summary>How tall a table's header and first row are: what its heading keeps with it on a page.</summary>
    private static double TableStartHeight(Column[] columns, string[][] rows)
    {
        var widths = Widths(columns);
        return RowHeight(HeaderCells(columns, widths)) + (rows.Length > 0 ? RowHeight(BodyCells(rows[0], widths, bold: false)) : TableLine * 2);
    }

    private static void DrawRow(Flow flow, Column[] columns, double[] widths, List<IReadOnlyList<string>> cells, double height, double size,
        double line, double padding, bool bold, string? fill)
    {
        var gfx = flow.Graphics;
        var top = flow.Y;
        if (fill is not null)
        {
            gfx.DrawRectangle(new XSolidBrush(PdfPainter.Colour(fill)), Margin, top, ContentWidth, height);
        }
        var x = Margin;
        for (var c = 0; c < columns.Length; c++)
        {
            for (var l = 0; l < cells[c].Count; l++)
            {
                var baseline = top + padding + line * (l + 1) - 2;
                PdfPainter.DrawText(gfx, cells[c][l], columns[c].Right ? x + widths[c] - padding : x + padding, baseline, size, bold,
                    columns[c].Right ? Anchor.End : Anchor.Start, Palette.Ink);
            }
            x += widths[c];
        }
        gfx.DrawLine(new XPen(PdfPainter.Colour(Palette.Track), 0.6), Margin, top + height, Margin + ContentWidth, top + height);
        flow.Y = top + height;
    }

    private static void Heading(Flow flow, string text, double following = 32)
    {
        // A heading keeps at least a few lines of what follows on its page (its own 28 points and then what follows).
        flow.Reserve(28 + following);
        flow.Y += 22;
        Text(flow.Graphics, text, Margin, flow.Y, 13, true, Palette.Blue);
        flow.Y += 6;
    }

    private static void Paragraph(Flow flow, string text, double size, double lineHeight, bool bold = false)
    {
        foreach (var line in EmbeddedFonts.Wrap(EmbeddedFonts.Clean(text), ContentWidth, size, bold, int.MaxValue))
        {
            flow.Reserve(lineHeight);
            flow.Y += lineHeight;
            Text(flow.Graphics, line, Margin, flow.Y, size, bold, Palette.Ink);
        }
    }

    private static void Bullet(Flow flow, string text, double size, double lineHeight)
    {
        var lines = EmbeddedFonts.Wrap(EmbeddedFonts.Clean(text), ContentWidth - 10, size, false, int.MaxValue);
        flow.Reserve(lineHeight * lines.Count);
        flow.Y += lineHeight;
        Text(flow.Graphics, "•", Margin + 1, flow.Y, size, false, Palette.Teal);
        for (var l = 0; l < lines.Count; l++)
        {
            if (l > 0)
            {
                flow.Y += lineHeight;
            }
            Text(flow.Graphics, lines[l], Margin + 10, flow.Y, size, false, Palette.Ink);
        }
    }

    /// <summary>The pages as they fill: the current page's graphics, how far down it is written, and its number.</summary>
    private sealed class Flow : IDisposable
    {
        private const double Top = 48;
        private const double Bottom = 790;
        private readonly PdfDocument document;
        private readonly Action<XGraphics, int> footer;

        public Flow(PdfDocument document, Action<XGraphics, int> footer)
        {
            this.document = document;
            this.footer = footer;
            Graphics = Page();
        }

        public XGraphics Graphics { get; private set; }

        public double Y { get; set; }

        public bool WouldBreak(double height) => Y + height > Bottom && Y > Top;

        /// <summary>Starts a new page unless <paramref name="height"/> more still fits above the footer.</summary>
        public void Reserve(double height)
        {
            if (WouldBreak(height))
            {
                NewPage();
            }
        }

        public void NewPage()
        {
            Graphics.Dispose();
            Graphics = Page();
        }

        private XGraphics Page()
        {
            var page = document.AddPage();
            page.Size = PageSize.A4;
            page.Orientation = PageOrientation.Portrait;
            var graphics = XGraphics.FromPdfPage(page);
            footer(graphics, document.PageCount);
            Y = Top;
            return graphics;
        }

        public void Dispose() => Graphics.Dispose();
    }

    private static void Footer(XGraphics gfx, CouncilReport r, Formats f, int page)
    {
        gfx.DrawLine(new XPen(PdfPainter.Colour(Palette.Track), 0.6), Margin, 804, PageWidth - Margin, 804);
        var text = f.Format(CouncilTexts.Footer, EmbeddedFonts.Clean(r.Funder), r.ModelVersion, r.PriceYear, page);
        Text(gfx, EmbeddedFonts.Fit(text, ContentWidth, 7, false), Margin, 816, 7, false, Palette.Muted);
    }

    private static void Text(XGraphics gfx, string text, double x, double baseline, double size, bool bold, string colour) =>
        PdfPainter.DrawText(gfx, text, x, baseline, size, bold, Anchor.Start, colour);
}
