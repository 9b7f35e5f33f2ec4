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

        Assert.Contains("Money returned: €1.90 per euro invested", root.Element(Svg + "desc")!.Value, StringComparison.Ordinal);
        Assert.Contains("Value to society: €", root.Element(Svg + "desc")!.Value, StringComparison.Ordinal);
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
    public void Svg_range_bars_carry_a_scale_from_zero_to_a_round_value_beside_break_even()
    {
        var map = Maps.Budgetcoaching();
        var f = new Formats(Language.Nl);
        var root = XDocument.Parse(MapGraphic.Svg(Maps.Model, map, Language.Nl)).Root!;
        var texts = root.Descendants(Svg + "text").Select(t => t.Value).ToList();

        // Each card: "€ 1,00" (break-even), "€ 0,00" (the scale's start) and then its end, a multiple of € 0,50 above
        // the highest figure on the bar, so the band reads against a scale.
        var views = MapViews.Both(map, f);
        var starts = Enumerable.Range(0, texts.Count).Where(i => texts[i] == "€ 0,00").ToList();
        Assert.Equal(views.Count, starts.Count);
        for (var v = 0; v < views.Count; v++)
        {
            Assert.Equal("€ 1,00", texts[starts[v] - 1]);
            var end = decimal.Parse(texts[starts[v] + 1].Replace("€ ", "", StringComparison.Ordinal), f.Culture);
            var highest = Math.Max(views[v].P90!.Value.Value, views[v].Ratio!.Value.Value);
            Assert.True(end >= highest && end % 0.5m == 0m && end <= highest * 1.15m + 0.5m, $"{views[v].Name}: scale ends at {end}, highest {highest}");
        }
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

        // The first view's name is drawn in near-black at the top of its card (canvas 60-760 x 215-260 at 1600 wide).
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
    public void Svg_draws_the_two_views_as_cards_of_the_same_size_with_names_and_ratios_in_the_same_type_size()
    {
        var map = Maps.Budgetcoaching();
        var f = new Formats(Language.Nl);
        var root = XDocument.Parse(MapGraphic.Svg(Maps.Model, map, Language.Nl)).Root!;
        var texts = root.Descendants(Svg + "text").ToList();

        XElement Text(string value) => texts.Single(t => t.Value == value);
        double Size(XElement e) => double.Parse((string)e.Attribute("font-size")!, System.Globalization.CultureInfo.InvariantCulture);
        double X(XElement e) => double.Parse((string)e.Attribute("x")!, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(Size(Text("Opbrengst in geld")), Size(Text("Maatschappelijke waarde")));
        var money = Text(f.Money(map.Ratio!.Value.Value));
        var welfare = Text(f.Money(map.WelfareRatio!.Value.Value));
        Assert.Equal(Size(money), Size(welfare));
        Assert.True(Size(money) >= 60, "the ratios are the largest figures of the graphic");
        Assert.True(X(welfare) > X(money) + 600, "value to society stands beside money returned");
        var cards = root.Descendants(Svg + "rect").Where(r => (string?)r.Attribute("fill") == "#D9E3EF").ToList();
        Assert.Equal(2, cards.Count);
        Assert.Equal((string?)cards[0].Attribute("width"), (string?)cards[1].Attribute("width"));
        Assert.Equal((string?)cards[0].Attribute("height"), (string?)cards[1].Attribute("height"));
        // Each card its range and its chance.
        Assert.Equal(2, texts.Count(t => t.Value.StartsWith("Kans dat de baten de kosten", StringComparison.Ordinal)));
        Assert.Contains(texts, t => t.Value.StartsWith("Welzijnswaarde:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(1.0, "> 99%")]
    [InlineData(0.0, "< 1%")]
    public void Svg_and_its_description_never_claim_a_certainty_when_every_or_no_draw_paid_off(double chance, string shown)
    {
        var map = Maps.WithChances(Maps.Budgetcoaching(), (decimal)chance, (decimal)chance);
        var svg = MapGraphic.Svg(Maps.Model, map, Language.Nl);
        Maps.Keep($"graphic-chance-{chance}.svg", System.Text.Encoding.UTF8.GetBytes(svg));
        var root = XDocument.Parse(svg).Root!;
        var drawn = string.Join(" ", root.Descendants(Svg + "text").Select(t => t.Value));
        var desc = root.Element(Svg + "desc")!.Value;

        Assert.Contains(shown, drawn, StringComparison.Ordinal);
        Assert.Contains("Kans dat de baten de kosten overtreffen: " + shown, desc, StringComparison.Ordinal);
        Assert.DoesNotContain("100%", drawn + desc, StringComparison.Ordinal);
        Assert.DoesNotContain("overtreffen: 0%", drawn + desc, StringComparison.Ordinal);
    }

    [Fact]
    public void Svg_and_png_of_a_project_at_a_tenth_of_the_usual_cost_carry_the_warning_in_an_orange_band()
    {
        var map = Maps.CheapBudgetcoaching();
        var root = XDocument.Parse(MapGraphic.Svg(Maps.Model, map, Language.Nl)).Root!;
        var texts = root.Descendants(Svg + "text").Select(t => t.Value).ToList();

        Assert.Contains("Let op:", texts);
        Assert.Contains(texts, t => t.StartsWith(map.Warnings[0].Message.Nl[..30], StringComparison.Ordinal));
        Assert.Contains("Let op: " + map.Warnings[0].Message.Nl, root.Element(Svg + "desc")!.Value, StringComparison.Ordinal);

        var png = MapGraphic.Png(Maps.Model, map, Language.Nl);
        Maps.Keep("graphic-warning.png", png);
        using var bitmap = SKBitmap.Decode(png);
        // The band's orange edge at the left of the canvas, under the facts line (canvas y 186-250).
        var orange = 0;
        for (var y = 190; y < 245; y++)
        {
            var p = bitmap.GetPixel(63, y);
            if (p.Red > 140 && p.Green < 90 && p.Blue < 40)
            {
                orange++;
            }
        }
        Assert.True(orange > 40, $"only {orange} orange pixels where the warning band should start");
        using var plain = SKBitmap.Decode(MapGraphic.Png(Maps.Model, Maps.Budgetcoaching(), Language.Nl));
        Assert.False(plain.GetPixel(63, 220) is { Red: > 140, Green: < 90, Blue: < 40 }, "no band without a warning");
    }

    [Fact]
    public void Png_draws_text_without_system_fonts_the_same_every_time()
    {
        var first = MapGraphic.Png(Maps.Model, Maps.Budgetcoaching(), Language.En, 800);
        var second = MapGraphic.Png(Maps.Model, Maps.Budgetcoaching(), Language.En, 800);

        Assert.Equal(first, second);
    }
}
