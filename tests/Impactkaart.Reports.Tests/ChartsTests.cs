using System.Xml.Linq;
using Impactkaart.Engine;

namespace Impactkaart.Reports.Tests;

public sealed class ChartsTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public static TheoryData<string> Kinds => ["costs", "payer", "domain", "hours"];

    private static string Chart(string kind, string? name = null, Language language = Language.Nl)
    {
        var map = kind == "hours" ? Maps.HomeVisits(name) : Maps.Budgetcoaching(name);
        return kind switch
        {
            "costs" => Charts.CostsVersusBenefits(Maps.Model, map, language),
            "payer" => Charts.ByPayer(Maps.Model, map, language),
            "domain" => Charts.ByDomain(Maps.Model, map, language),
            _ => Charts.HoursBySector(Maps.Model, map, language),
        };
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Each_chart_is_an_accessible_scalable_svg_without_script(string kind)
    {
        var root = XDocument.Parse(Chart(kind)).Root!;

        Assert.Equal(Svg + "svg", root.Name);
        Assert.Equal("img", (string?)root.Attribute("role"));
        Assert.NotNull(root.Attribute("viewBox"));
        Assert.Null(root.Attribute("width"));
        var ids = ((string)root.Attribute("aria-labelledby")!).Split(' ');
        Assert.Equal((string?)root.Element(Svg + "title")!.Attribute("id"), ids[0]);
        Assert.Equal((string?)root.Element(Svg + "desc")!.Attribute("id"), ids[1]);
        Assert.False(string.IsNullOrWhiteSpace(root.Element(Svg + "desc")!.Value));
        Assert.DoesNotContain(root.Descendants(), e => e.Name.LocalName is "script" or "foreignObject");
        Assert.DoesNotContain(root.Descendants().Attributes(), a => a.Name.LocalName.StartsWith("on", StringComparison.Ordinal));
    }

    [Fact]
    public void The_four_charts_of_one_map_have_distinct_ids()
    {
        var ids = new[] { "costs", "payer", "domain", "hours" }
            .Select(k => (string?)XDocument.Parse(Chart(k)).Root!.Element(Svg + "title")!.Attribute("id"))
            .ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void A_given_id_is_used_for_title_and_description()
    {
        var root = XDocument.Parse(Charts.ByPayer(Maps.Model, Maps.Budgetcoaching(), Language.En, id: "payers-1")).Root!;

        Assert.Equal("payers-1-title payers-1-desc", (string?)root.Attribute("aria-labelledby"));
    }

    [Fact]
    public void Costs_versus_benefits_describes_the_costs_and_the_benefits_of_both_views_in_words()
    {
        var desc = XDocument.Parse(Chart("costs")).Root!.Element(Svg + "desc")!.Value;

        Assert.Contains("Kosten € 90.000", desc, StringComparison.Ordinal);
        // The bars are named after the two views on the map (before: "Baten (financieel)" and, only when different, "Baten zonder overdrachten").
        Assert.Contains("Baten in geld € 170.988", desc, StringComparison.Ordinal);
        Assert.Contains("Maatschappelijke baten € ", desc, StringComparison.Ordinal);
    }

    [Fact]
    public void Hours_by_sector_names_nursing_and_care_with_about_900_hours()
    {
        var desc = XDocument.Parse(Chart("hours")).Root!.Element(Svg + "desc")!.Value;

        Assert.Contains("Verpleging, verzorging en thuiszorg 900 uur", desc, StringComparison.Ordinal);
    }

    [Fact]
    public void Bars_use_only_the_palette_colours_with_enough_contrast_on_white()
    {
        var fills = new[] { "costs", "payer", "domain", "hours" }
            .SelectMany(k => XDocument.Parse(Chart(k)).Root!.Descendants(Svg + "rect").Select(r => (string)r.Attribute("fill")!))
            .Distinct();

        // Non-text graphics need 3:1 against the white page (WCAG 1.4.11).
        Assert.All(fills, fill => Assert.True(Contrast(fill, "#FFFFFF") >= 3.0, $"{fill} has contrast {Contrast(fill, "#FFFFFF"):0.0}"));
    }

    private static double Contrast(string a, string b)
    {
        static double Luminance(string hex)
        {
            static double Channel(string hex, int at)
            {
                var c = Convert.ToInt32(hex.Substring(at, 2), 16) / 255.0;
                return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
            }
            return 0.2126 * Channel(hex, 1) + 0.7152 * Channel(hex, 3) + 0.0722 * Channel(hex, 5);
        }
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }
}
