namespace Impactkaart.Documents.Drawing;

/// <summary>One bar: a label, the value that sets its length, the value as the reader sees it, its colour.</summary>
internal sealed record Bar(string Label, decimal Value, string ValueText, string Colour);

/// <summary>A horizontal bar chart's content, and its text alternative for screen readers.</summary>
internal sealed record BarChart(string Title, string Description, IReadOnlyList<Bar> Bars, string EmptyText)
{
    /// <summary>
    /// At most <paramref name="maxRows"/> bars: when there are more, the smallest are summed into one muted
    /// "and N more" bar, so a chart never overflows its box whatever the data.
    /// </summary>
    public BarChart Truncated(int maxRows, Func<int, string> andMore, Func<decimal, string> valueText)
    {
        ArgumentNullException.ThrowIfNull(andMore);
        ArgumentNullException.ThrowIfNull(valueText);
        if (Bars.Count <= maxRows)
        {
            return this;
        }
        var kept = Bars.Take(maxRows - 1).ToList();
        var rest = Bars.Skip(maxRows - 1).ToList();
        var sum = rest.Sum(b => b.Value);
        kept.Add(new Bar(andMore(rest.Count), sum, valueText(sum), Palette.Muted));
        return this with { Bars = kept };
    }

    /// <summary>
    /// Lays the bars out in rows: label left (wrapped to two lines when it is long, so a sector such as "Verpleging,
    /// verzorging en thuiszorg" is never cut), bar in the middle from a zero line, value right of the bar. A row with
    /// a two-line label is taller by one line. All lengths are in the scene's units; the scene's height follows from
    /// the rows.
    /// </summary>
    public Scene Draw(double width, double rowHeight, double fontSize, double labelShare = 0.36)
    {
        if (Bars.Count == 0)
        {
            var empty = new Scene(width, rowHeight);
            empty.Text(0, rowHeight * 0.62, EmbeddedFonts.Fit(EmptyText, width, fontSize, false), fontSize, Palette.Muted);
            return empty;
        }
        var gap = fontSize * 0.5;
        var lineHeight = fontSize * 1.2;
        var labelWidth = width * labelShare;
        var labels = Bars.Select(b => EmbeddedFonts.Wrap(b.Label, labelWidth, fontSize, false, 2)).ToList();
        var heights = labels.Select(lines => rowHeight + lineHeight * (Math.Max(1, lines.Count) - 1)).ToList();
        var scene = new Scene(width, heights.Sum());
        var valueWidth = Bars.Max(b => EmbeddedFonts.Measure(b.ValueText, fontSize, true));
        var barLeft = labelWidth + gap;
        var maxBar = Math.Max(1, width - barLeft - gap - valueWidth);
        var max = Bars.Max(b => b.Value);
        var top = 0.0;
        for (var i = 0; i < Bars.Count; i++)
        {
            var bar = Bars[i];
            var height = heights[i];
            var baseline = top + height / 2 + fontSize * 0.36;
            var lines = labels[i];
            var firstBaseline = baseline - lineHeight * (lines.Count - 1) / 2;
            for (var l = 0; l < lines.Count; l++)
            {
                scene.Text(0, firstBaseline + lineHeight * l, lines[l], fontSize, Palette.Ink);
            }
            // Negative or zero values draw no bar; the value text still says what it is.
            var length = max > 0m && bar.Value > 0m ? (double)(bar.Value / max) * maxBar : 0;
            var barHeight = rowHeight * 0.62;
            scene.Rect(barLeft, top + (height - barHeight) / 2, length, barHeight, bar.Colour);
            scene.Text(barLeft + length + gap, baseline, bar.ValueText, fontSize, Palette.Ink, bold: true);
            top += height;
        }
        scene.Line(barLeft, 0, barLeft, scene.Height, Palette.Muted, Math.Max(0.5, fontSize / 15));
        return scene;
    }

    /// <summary>
    /// For a narrow column (the web page on a phone): each label on its own line(s) across the full width, its bar
    /// and value below it, so the bars keep their length and the text its size however long the labels are.
    /// </summary>
    public Scene DrawStacked(double width, double fontSize)
    {
        var lineHeight = fontSize * 1.25;
        var barHeight = fontSize * 1.2;
        var gap = fontSize * 0.5;
        if (Bars.Count == 0)
        {
            var empty = new Scene(width, lineHeight * 1.5);
            empty.Text(0, lineHeight, EmbeddedFonts.Fit(EmptyText, width, fontSize, false), fontSize, Palette.Muted);
            return empty;
        }
        var labels = Bars.Select(b => EmbeddedFonts.Wrap(b.Label, width, fontSize, false, 2)).ToList();
        var heights = labels.Select(lines => lineHeight * Math.Max(1, lines.Count) + barHeight + gap * 2).ToList();
        var scene = new Scene(width, heights.Sum());
        // A tenth to spare: a browser's bold face may run a little wider than the embedded font measures.
        var valueWidth = Bars.Max(b => EmbeddedFonts.Measure(b.ValueText, fontSize, true)) * 1.1;
        var maxBar = Math.Max(1, width - gap - valueWidth);
        var max = Bars.Max(b => b.Value);
        var top = 0.0;
        for (var i = 0; i < Bars.Count; i++)
        {
            var bar = Bars[i];
            var lines = labels[i];
            for (var l = 0; l < lines.Count; l++)
            {
                scene.Text(0, top + lineHeight * (l + 1) - fontSize * 0.25, lines[l], fontSize, Palette.Ink);
            }
            var barTop = top + lineHeight * Math.Max(1, lines.Count) + gap * 0.5;
            // Negative or zero values draw no bar; the value text still says what it is.
            var length = max > 0m && bar.Value > 0m ? (double)(bar.Value / max) * maxBar : 0;
            scene.Rect(0, barTop, length, barHeight, bar.Colour);
            scene.Text(length + gap, barTop + barHeight / 2 + fontSize * 0.36, bar.ValueText, fontSize, Palette.Ink, bold: true);
            top += heights[i];
        }
        return scene;
    }
}
