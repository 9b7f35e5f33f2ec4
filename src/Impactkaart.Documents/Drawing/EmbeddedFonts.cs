using System.Reflection;
using PdfSharp.Fonts;
using SkiaSharp;

namespace Impactkaart.Documents.Drawing;

/// <summary>
/// DejaVu Sans and DejaVu Sans Bold, read once from this assembly's resources. Every renderer draws with these, so
/// output never depends on the fonts a server happens to have.
/// </summary>
internal static class EmbeddedFonts
{
    public const string Family = "DejaVu Sans";

    private static readonly Lazy<byte[]> RegularBytes = new(() => Read("DejaVuSans.ttf"));
    private static readonly Lazy<byte[]> BoldBytes = new(() => Read("DejaVuSans-Bold.ttf"));
    private static readonly Lazy<SKTypeface> RegularTypeface = new(() => Typeface(RegularBytes.Value));
    private static readonly Lazy<SKTypeface> BoldTypeface = new(() => Typeface(BoldBytes.Value));

    public static byte[] Regular => RegularBytes.Value;

    public static byte[] Bold => BoldBytes.Value;

    public static SKTypeface SkiaTypeface(bool bold) => bold ? BoldTypeface.Value : RegularTypeface.Value;

    /// <summary>The width of <paramref name="text"/> at <paramref name="size"/> (same unit as the size), from the font's own metrics.</summary>
    /// <remarks>
    /// Measured at a large size and scaled: at small sizes Skia rounds each glyph's advance to whole units, which made
    /// a line of 8.5-point text in the PDF measure 12% wider than PDFsharp draws it (and bold text narrower).
    /// </remarks>
    public static double Measure(string text, double size, bool bold)
    {
        using var font = new SKFont(SkiaTypeface(bold), MeasureSize) { Subpixel = true, LinearMetrics = true, Hinting = SKFontHinting.None };
        return font.MeasureText(text) * size / MeasureSize;
    }

    private const float MeasureSize = 256;

    /// <summary>The text, shortened with an ellipsis when it is wider than <paramref name="maxWidth"/>.</summary>
    public static string Fit(string text, double maxWidth, double size, bool bold)
    {
        if (Measure(text, size, bold) <= maxWidth)
        {
            return text;
        }
        var low = 0;
        var high = text.Length;
        // Binary search for the longest prefix that fits with the ellipsis.
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            if (Measure(text[..mid].TrimEnd() + "…", size, bold) <= maxWidth)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }
        return low == 0 ? "…" : text[..low].TrimEnd() + "…";
    }

    /// <summary>Words wrapped into at most <paramref name="maxLines"/> lines; the last line ends in an ellipsis when text is left over.</summary>
    public static IReadOnlyList<string> Wrap(string text, double maxWidth, double size, bool bold, int maxLines) =>
        Wrap(text, maxWidth, maxWidth, size, bold, maxLines);

    /// <summary>
    /// As <see cref="Wrap(string, double, double, bool, int)"/>, with a first line of its own width (text that continues
    /// something drawn before it on the same line). The first line is empty when not even one word fits there.
    /// </summary>
    public static IReadOnlyList<string> Wrap(string text, double firstWidth, double maxWidth, double size, bool bold, int maxLines)
    {
        var lines = new List<string>();
        var words = Words(text);
        var current = "";
        var i = 0;
        double Limit() => lines.Count == 0 ? firstWidth : maxWidth;
        for (; i < words.Length; i++)
        {
            var candidate = current.Length == 0 ? words[i] : current + " " + words[i];
            if (Measure(candidate, size, bold) <= Limit() || (current.Length == 0 && (lines.Count > 0 || firstWidth >= maxWidth)))
            {
                current = candidate;
                continue;
            }
            lines.Add(current.Length == 0 ? "" : Fit(current, Limit(), size, bold));
            current = words[i];
            if (lines.Count == maxLines)
            {
                break;
            }
        }
        if (lines.Count < maxLines && current.Length > 0)
        {
            lines.Add(Fit(current, Limit(), size, bold));
        }
        else if (i < words.Length)
        {
            var last = lines.Count - 1;
            lines[last] = Fit((lines[last] + " " + string.Join(' ', words[i..])).Trim(), last == 0 ? firstWidth : maxWidth, size, bold);
        }
        return lines;
    }

    /// <summary>The words of a text for wrapping; an amount never breaks after its euro sign ("€ 1,24" is one word).</summary>
    private static string[] Words(string text)
    {
        var words = new List<string>();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (words.Count > 0 && words[^1] is "€" or "-€")
            {
                words[^1] += " " + word;
            }
            else
            {
                words.Add(word);
            }
        }
        return [.. words];
    }

    /// <summary>Text safe for XML and PDF: control characters (which XML cannot hold) become spaces.</summary>
    public static string Clean(string text) =>
        string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = char.IsControl(c) || (char.IsSurrogate(c) && !IsPairedSurrogate(source, i)) ? ' ' : c;
            }
        });

    private static bool IsPairedSurrogate(string s, int i) =>
        char.IsHighSurrogate(s[i]) ? i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]) : i > 0 && char.IsHighSurrogate(s[i - 1]);

    private static byte[] Read(string file)
    {
        var name = "Impactkaart.Documents.Fonts." + file;
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded font {name} is missing from the Reports assembly.");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }

    private static SKTypeface Typeface(byte[] bytes)
    {
        using var data = SKData.CreateCopy(bytes);
        return SKTypeface.FromData(data) ?? throw new InvalidOperationException("SkiaSharp could not read the embedded DejaVu font.");
    }
}

/// <summary>
/// Serves the embedded DejaVu faces to PDFsharp, whatever family is asked for: PDFsharp has no fonts of its own on
/// Linux and fails on every font without a resolver.
/// </summary>
internal sealed class DejaVuFontResolver : IFontResolver
{
    private const string RegularFace = "ImpactkaartDejaVuSans";
    private const string BoldFace = "ImpactkaartDejaVuSans-Bold";
    private static readonly Lock Gate = new();

    /// <summary>
    /// Installs the resolver once for the process. PDFsharp allows setting it only before the first font use and
    /// only to the same instance afterwards; a lock makes concurrent first calls (web requests) safe.
    /// </summary>
    public static void EnsureRegistered()
    {
        if (GlobalFontSettings.FontResolver is DejaVuFontResolver)
        {
            return;
        }
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is DejaVuFontResolver)
            {
                return;
            }
            if (GlobalFontSettings.FontResolver is { } other)
            {
                throw new InvalidOperationException(
                    $"Another PDFsharp font resolver ({other.GetType().Name}) is installed; the Impactkaart PDF needs its own DejaVu resolver.");
            }
            GlobalFontSettings.FontResolver = new DejaVuFontResolver();
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? BoldFace : RegularFace);

    public byte[]? GetFont(string faceName) => faceName == BoldFace ? EmbeddedFonts.Bold : EmbeddedFonts.Regular;
}
