using SkiaSharp;

namespace Impactkaart.Documents.Drawing;

/// <summary>Paints a scene to a PNG with SkiaSharp, with the embedded DejaVu typefaces (never system fonts).</summary>
internal static class SkiaPainter
{
    public static byte[] Png(Scene scene, int width)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 16);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, 8000);
        var scale = width / scene.Width;
        var height = (int)Math.Round(scene.Height * scale);
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException("SkiaSharp could not create a drawing surface.");
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        canvas.Scale((float)scale);
        foreach (var shape in scene.Shapes)
        {
            Paint(canvas, shape);
        }
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private static void Paint(SKCanvas canvas, Shape shape)
    {
        switch (shape)
        {
            case RectShape r:
                using (var paint = new SKPaint { Color = SKColor.Parse(r.Fill), IsAntialias = true, Style = SKPaintStyle.Fill })
                {
                    canvas.DrawRect((float)r.X, (float)r.Y, (float)r.Width, (float)r.Height, paint);
                }
                break;
            case LineShape l:
                using (var paint = new SKPaint { Color = SKColor.Parse(l.Colour), IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = (float)l.Width })
                {
                    canvas.DrawLine((float)l.X1, (float)l.Y1, (float)l.X2, (float)l.Y2, paint);
                }
                break;
            case TextShape t:
                using (var paint = new SKPaint { Color = SKColor.Parse(t.Colour), IsAntialias = true })
                using (var font = new SKFont(EmbeddedFonts.SkiaTypeface(t.Bold), (float)t.Size) { Subpixel = true, Edging = SKFontEdging.Antialias })
                {
                    var align = t.Anchor switch
                    {
                        Anchor.Middle => SKTextAlign.Center,
                        Anchor.End => SKTextAlign.Right,
                        _ => SKTextAlign.Left,
                    };
                    canvas.DrawText(t.Text, (float)t.X, (float)t.Y, align, font, paint);
                }
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(shape), shape.GetType().Name, "Unknown shape.");
        }
    }
}
