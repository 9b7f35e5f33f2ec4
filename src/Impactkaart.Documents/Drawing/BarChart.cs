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
    /// Lays the bars out in rows: label left (shortened to fit), bar in the middle from a zero line, value right of
    /// the bar. All lengths are in the scene's units; the scene's height follows from the rows.
    /// </summary>
    public Scene Draw(double width, double rowHeight, double fontSize, double labelShare = 0.36)
    {
        var height = Math.Max(1, Bars.Count) * rowHeight;
        var scene = new Scene(width, height);
        if (Bars.Count == 0)
        {
            scene.Text(0, rowHeight * 0.62, EmbeddedFonts.Fit(EmptyText, width, fontSize, false), fontSize, Palette.Muted);
            return scene;
        }
        var gap = fontSize * 0.5;
        var labelWidth = width * labelShare;
        var valueWidth = Bars.Max(b => EmbeddedFonts.Measure(b.ValueText, fontSize, true));
        var barLeft = labelWidth + gap;
        var maxBar = Math.Max(1, width - barLeft - gap - valueWidth);
        var max = Bars.Max(b => b.Value);
        for (var i = 0; i < Bars.Count; i++)
        {
            var bar = Bars[i];
            var top = i * rowHeight;
            var baseline = top + rowHeight / 2 + fontSize * 0.36;
            scene.Text(0, baseline, EmbeddedFonts.Fit(bar.Label, labelWidth, fontSize, false), fontSize, Palette.Ink);
            // Negative or zero values draw no bar; the value text still says what it is.
            var length = max > 0m && bar.Value > 0m ? (double)(bar.Value / max) * maxBar : 0;
            var barHeight = rowHeight * 0.62;
            scene.Rect(barLeft, top + (rowHeight - barHeight) / 2, length, barHeight, bar.Colour);
            scene.Text(barLeft + length + gap, baseline, bar.ValueText, fontSize, Palette.Ink, bold: true);
        }
        scene.Line(barLeft, 0, barLeft, height, Palette.Muted, Math.Max(0.5, fontSize / 15));
        return scene;
    }
}
