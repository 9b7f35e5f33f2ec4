namespace Impactkaart.Documents.Drawing;

/// <summary>Where a text sits relative to its x: its start, its middle or its end.</summary>
internal enum Anchor
{
    Start,
    Middle,
    End,
}

/// <summary>One drawing primitive. Coordinates grow right and down; colours are "#RRGGBB".</summary>
internal abstract record Shape;

internal sealed record RectShape(double X, double Y, double Width, double Height, string Fill) : Shape;

internal sealed record LineShape(double X1, double Y1, double X2, double Y2, string Colour, double Width) : Shape;

/// <summary>A single line of text; <see cref="Y"/> is the baseline. The text is drawn as given, never interpreted.</summary>
internal sealed record TextShape(double X, double Y, string Text, double Size, bool Bold, Anchor Anchor, string Colour) : Shape;

/// <summary>
/// A picture as a list of primitives on a fixed canvas. The same scene is written as SVG, painted with SkiaSharp
/// or drawn into the PDF, so every output of a chart shows the same thing.
/// </summary>
internal sealed class Scene(double width, double height)
{
    private readonly List<Shape> shapes = [];

    public double Width { get; } = width;

    public double Height { get; } = height;

    public IReadOnlyList<Shape> Shapes => shapes;

    public void Rect(double x, double y, double width, double height, string fill) =>
        shapes.Add(new RectShape(x, y, Math.Max(0, width), Math.Max(0, height), fill));

    public void Line(double x1, double y1, double x2, double y2, string colour, double width) =>
        shapes.Add(new LineShape(x1, y1, x2, y2, colour, width));

    public void Text(double x, double y, string text, double size, string colour, bool bold = false, Anchor anchor = Anchor.Start) =>
        shapes.Add(new TextShape(x, y, EmbeddedFonts.Clean(text), size, bold, anchor, colour));

    /// <summary>Copies another scene's shapes in, moved by (<paramref name="dx"/>, <paramref name="dy"/>).</summary>
    public void Place(Scene other, double dx, double dy)
    {
        foreach (var shape in other.shapes)
        {
            shapes.Add(shape switch
            {
                RectShape r => r with { X = r.X + dx, Y = r.Y + dy },
                LineShape l => l with { X1 = l.X1 + dx, Y1 = l.Y1 + dy, X2 = l.X2 + dx, Y2 = l.Y2 + dy },
                TextShape t => t with { X = t.X + dx, Y = t.Y + dy },
                _ => shape,
            });
        }
    }
}

/// <summary>
/// The palette: calm colours of Dutch public-sector sites. Every colour that carries text or a bar has at least
/// 4.5:1 contrast on white (WCAG AA for text; bars need 3:1).
/// </summary>
internal static class Palette
{
    public const string Blue = "#154273";      // 10.6:1 on white
    public const string Teal = "#00706B";      // 5.9:1
    public const string Orange = "#A24400";    // 6.3:1
    public const string Ink = "#1A1A1A";       // 17:1
    public const string Muted = "#4D4D4D";     // 8.5:1
    public const string Track = "#DCE3EC";     // background only, carries nothing
    public const string Band = "#7FB8B5";      // the P10-P90 band, drawn behind a dark marker
    public const string White = "#FFFFFF";
    public const string LightBlue = "#D9E3EF"; // white text never sits on it; ink on it 13.6:1
    public const string WarningBack = "#FDF3E6"; // behind a warning in ink (16:1)
}
