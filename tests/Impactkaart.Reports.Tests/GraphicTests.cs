using System.Xml.Linq;
using Impactkaart.Engine;
using SkiaSharp;

namespace Impactkaart.Reports.Tests;

public sealed class GraphicTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void Svg_is_valid_xml_with_role_img_and_a_title_and_description_that_state_the_ratio()
    {
        var svg = MapGraphic.Svg(Maps.Model, Maps.Budgetcoaching(), Language.Nl);
        Maps.Keep("graphic-nl.svg", System.Text.Encoding.UTF8.GetBytes(svg));

        var root = XDocument.Parse(svg).Root!;
        Assert.Equal(Svg + "svg", root.Name);
        Assert.Equal("img", (string?)root.Attribute("role"));
        Assert.Contains("1,90", root.Element(Svg + "desc")!.Value, StringComparison.Ordinal);
        Assert.Contains("Budgetcoaching", root.Element(Svg + "title")!.Value, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("1,90", string.Concat(root.Descendants(Svg + "text").Select(t => t.Value)), StringComparison.Ordinal);
    }

    [Fact]
    public void Svg_in_English_writes_the_ratio_with_a_decimal_point()
    {
        var root = XDocument.Parse(MapGraphic.Svg(Maps.Model, Maps.Budgetcoaching(), Language.En)).Root!;

        Assert.Contains("€1.90", root.Element(Svg + "desc")!.Value, StringComparison.Ordinal);
        Assert.Contains("Every euro invested returns", root.Element(Svg + "desc")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Svg_escapes_a_name_with_script_markup_and_holds_no_script_element()
    {
        const string name = "<script>alert('x')</script> & co";
        var svg = MapGraphic.Svg(Maps.Model, Maps.Budgetcoaching(name), Language.Nl);

        Assert.Contains("&lt;script&gt;", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", svg, StringComparison.OrdinalIgnoreCase);
        var document = XDocument.Parse(svg);
        Assert.DoesNotContain(document.Descendants(), e => e.Name.LocalName == "script");
        Assert.Contains(name, document.Root!.Element(Svg + "title")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Png_has_the_signature_and_decodes_to_the_asked_width_in_16_to_9()
    {
        var png = MapGraphic.Png(Maps.Model, Maps.HomeVisits(), Language.Nl, 1200);
        Maps.Keep("graphic-nl.png", png);

        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        using var bitmap = SKBitmap.Decode(png);
        Assert.Equal(1200, bitmap.Width);
        Assert.Equal(675, bitmap.Height);
    }

    [Fact]
    public void Png_is_not_blank_and_has_text_pixels_in_the_headline_area()
    {
        var png = MapGraphic.Png(Maps.Model, Maps.Budgetcoaching(), Language.Nl);
        using var bitmap = SKBitmap.Decode(png);

        var colours = new HashSet<SKColor>();
        for (var y = 0; y < bitmap.Height; y += 7)
        {
            for (var x = 0; x < bitmap.Width; x += 7)
            {
                colours.Add(bitmap.GetPixel(x, y));
            }
        }
        Assert.True(colours.Count >= 8, $"only {colours.Count} distinct colours");

        // The headline sentence is drawn in near-black at the top of the left column (canvas 60-760 x 215-260 at 1600 wide).
        var dark = 0;
        for (var y = 215; y < 262; y++)
        {
            for (var x = 60; x < 760; x++)
            {
                var p = bitmap.GetPixel(x, y);
                if (p.Red < 80 && p.Green < 80 && p.Blue < 80)
                {
                    dark++;
                }
            }
        }
        Assert.True(dark > 500, $"only {dark} dark pixels where the headline text should be");
    }

    [Fact]
    public void Png_draws_text_without_system_fonts_the_same_every_time()
    {
        var first = MapGraphic.Png(Maps.Model, Maps.Budgetcoaching(), Language.En, 800);
        var second = MapGraphic.Png(Maps.Model, Maps.Budgetcoaching(), Language.En, 800);

        Assert.Equal(first, second);
    }
}
