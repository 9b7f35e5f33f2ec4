using System.Globalization;
using System.Xml.Linq;

namespace Impactkaart.Documents.Drawing;

/// <summary>Writes a scene as a standalone, accessible SVG: role="img" with a title and a description, no script.</summary>
internal static class SvgWriter
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private const string FontFamily = "'DejaVu Sans', Verdana, Arial, sans-serif";

    /// <summary>
    /// The SVG text. <paramref name="id"/> prefixes the title and description ids, which aria-labelledby points to;
    /// XElement escapes every text, so user input can never become markup.
    /// </summary>
    public static string Write(Scene scene, string title, string description, string id)
    {
        var titleId = id + "-title";
        var descId = id + "-desc";
        var root = new XElement(Svg + "svg",
            new XAttribute("viewBox", $"0 0 {N(scene.Width)} {N(scene.Height)}"),
            new XAttribute("role", "img"),
            new XAttribute("aria-labelledby", titleId + " " + descId),
            new XAttribute("font-family", FontFamily),
            new XElement(Svg + "title", new XAttribute("id", titleId), EmbeddedFonts.Clean(title)),
            new XElement(Svg + "desc", new XAttribute("id", descId), EmbeddedFonts.Clean(description)));
        foreach (var shape in scene.Shapes)
        {
            root.Add(Element(shape));
        }
        return root.ToString(SaveOptions.DisableFormatting);
    }

    private static XElement Element(Shape shape) => shape switch
    {
        RectShape r => new XElement(Svg + "rect",
            new XAttribute("x", N(r.X)), new XAttribute("y", N(r.Y)),
            new XAttribute("width", N(r.Width)), new XAttribute("height", N(r.Height)),
            new XAttribute("fill", r.Fill)),
        LineShape l => new XElement(Svg + "line",
            new XAttribute("x1", N(l.X1)), new XAttribute("y1", N(l.Y1)),
            new XAttribute("x2", N(l.X2)), new XAttribute("y2", N(l.Y2)),
            new XAttribute("stroke", l.Colour), new XAttribute("stroke-width", N(l.Width))),
        TextShape t => Text(t),
        _ => throw new ArgumentOutOfRangeException(nameof(shape), shape.GetType().Name, "Unknown shape."),
    };

    private static XElement Text(TextShape t)
    {
        var element = new XElement(Svg + "text",
            new XAttribute("x", N(t.X)), new XAttribute("y", N(t.Y)),
            new XAttribute("font-size", N(t.Size)), new XAttribute("fill", t.Colour),
            t.Text);
        if (t.Bold)
        {
            element.Add(new XAttribute("font-weight", "bold"));
        }
        if (t.Anchor != Anchor.Start)
        {
            element.Add(new XAttribute("text-anchor", t.Anchor == Anchor.Middle ? "middle" : "end"));
        }
        // Keep runs of spaces in names as typed.
        element.Add(new XAttribute(XNamespace.Xml + "space", "preserve"));
        return element;
    }

    private static string N(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);
}
