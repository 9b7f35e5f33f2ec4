using Impactkaart.Documents.Drawing;
using Impactkaart.Engine;
using Impactkaart.Engine.Calculation;
using Impactkaart.Engine.Model;
using Impactkaart.Reports;

namespace Impactkaart.Documents;

/// <summary>
/// The map's charts as standalone SVG fragments for the web page: each an &lt;svg&gt; with role="img",
/// aria-labelledby pointing to its &lt;title&gt; and &lt;desc&gt; (the figures in words), a viewBox so it scales
/// to its container, AA-contrast colours and no script. Ids are "ik-{kind}-{hash}" unless <c>id</c> is given;
/// give distinct ids when the same chart of the same map appears twice on one page.
/// </summary>
public static class Charts
{
    // Drawn about as wide as a phone's column (358 px at 390) and a desktop's half column (468 px at 1280), so the page
    // scales it by roughly 1 and its 16-unit text shows at 14 px or more; a wider drawing would shrink the text. That
    // narrow, each label goes above its bar, so long labels and values leave the bars their length.
    private const double Width = 360;
    private const double FontSize = 16;
    private const int MaxRows = 8;

    /// <summary>Costs against benefits (financial), and benefits without transfers when these differ.</summary>
    public static string CostsVersusBenefits(ImpactModel model, ImpactMap map, Language language, string? id = null) =>
        Write(Build(model, map, language, MapCharts.CostsVersusBenefits), "costs-benefits", id, hours: false, language);

    /// <summary>Benefits by the party that gains them, largest first.</summary>
    public static string ByPayer(ImpactModel model, ImpactMap map, Language language, string? id = null) =>
        Write(Build(model, map, language, MapCharts.ByPayer), "by-payer", id, hours: false, language);

    /// <summary>Benefits by domain, largest first.</summary>
    public static string ByDomain(ImpactModel model, ImpactMap map, Language language, string? id = null) =>
        Write(Build(model, map, language, MapCharts.ByDomain), "by-domain", id, hours: false, language);

    /// <summary>Hours of professionals' work saved by sector (hours and FTE-years), with the project's own hours when known.</summary>
    public static string HoursBySector(ImpactModel model, ImpactMap map, Language language, string? id = null) =>
        Write(Build(model, map, language, MapCharts.HoursBySector), "hours-by-sector", id, hours: true, language);

    private static BarChart Build(ImpactModel model, ImpactMap map, Language language, Func<ImpactMap, Formats, BarChart> chart)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(map);
        return chart(map, new Formats(language));
    }

    private static string Write(BarChart chart, string kind, string? id, bool hours, Language language)
    {
        var limited = MapCharts.Limit(chart, MaxRows, new Formats(language), hours);
        var scene = limited.DrawStacked(Width, FontSize);
        return SvgWriter.Write(scene, chart.Title, chart.Description, id ?? MapCharts.IdFor(kind, chart));
    }
}
