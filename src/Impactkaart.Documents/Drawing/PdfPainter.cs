using System.Globalization;
using PdfSharp.Drawing;

namespace Impactkaart.Documents.Drawing;

/// <summary>Draws a scene into a PDF page as vectors, at (<c>x</c>, <c>y</c>) in points, one scene unit = one point.</summary>
internal static class PdfPainter
{
    public static void Draw(XGraphics gfx, Scene scene, double x, double y)
    {
        foreach (var shape in scene.Shapes)
        {
            switch (shape)
            {
                case RectShape r:
                    gfx.DrawRectangle(new XSolidBrush(Colour(r.Fill)), x + r.X, y + r.Y, r.Width, r.Height);
                    break;
                case LineShape l:
                    gfx.DrawLine(new XPen(Colour(l.Colour), l.Width), x + l.X1, y + l.Y1, x + l.X2, y + l.Y2);
                    break;
                case TextShape t:
                    DrawText(gfx, t.Text, x + t.X, y + t.Y, t.Size, t.Bold, t.Anchor, t.Colour);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(scene), shape.GetType().Name, "Unknown shape.");
            }
        }
    }

    /// <summary>One line of text with its baseline at <paramref name="baseline"/>.</summary>
    public static void DrawText(XGraphics gfx, string text, double x, double baseline, double size, bool bold, Anchor anchor, string colour)
    {
        var font = Font(size, bold);
        var format = new XStringFormat
        {
            LineAlignment = XLineAlignment.BaseLine,
            Alignment = anchor switch
            {
                Anchor.Middle => XStringAlignment.Center,
                Anchor.End => XStringAlignment.Far,
                _ => XStringAlignment.Near,
            },
        };
        gfx.DrawString(text, font, new XSolidBrush(Colour(colour)), new XPoint(x, baseline), format);
    }

    public static XFont Font(double size, bool bold) =>
        new(EmbeddedFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, new XPdfFontOptions(PdfSharp.Pdf.PdfFontEncoding.Unicode));

    public static XColor Colour(string hex) => XColor.FromArgb(
        int.Parse(hex.AsSpan(1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
        int.Parse(hex.AsSpan(3, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
        int.Parse(hex.AsSpan(5, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
}
