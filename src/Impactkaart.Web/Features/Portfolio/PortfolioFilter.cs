using System.Globalization;
using Impactkaart.Engine.Calculation;
using Impactkaart.Engine.Model;
using Impactkaart.Web.Data;
using Impactkaart.Web.Features.Shared;
using Microsoft.AspNetCore.WebUtilities;

namespace Impactkaart.Web.Features.Portfolio;

/// <summary>How the portfolio is sorted: the columns a user can click.</summary>
public enum PortfolioSort
{
    Name,
    Year,
    Invested,
    Ratio,
}

/// <summary>
/// The portfolio's choices as the address holds them (a GET form, so every view is a bookmark): theme ("thema"),
/// start year ("jaar"), phase ("fase"), sort column ("sorteer": naam|jaar|geinvesteerd|opbrengst), direction
/// ("richting": op|af) and page ("pagina", from 1). The page and the exports read the same filter.
/// </summary>
public sealed class PortfolioFilter
{
    public const int PageSize = 50;

    private static readonly Dictionary<string, PortfolioSort> SortKeys = new(StringComparer.Ordinal)
    {
        ["naam"] = PortfolioSort.Name,
        ["jaar"] = PortfolioSort.Year,
        ["geinvesteerd"] = PortfolioSort.Invested,
        ["opbrengst"] = PortfolioSort.Ratio,
    };

    public string? Theme { get; private init; }

    public int? Year { get; private init; }

    public string? Phase { get; private init; }

    public PortfolioSort Sort { get; private init; }

    public bool Descending { get; private init; }

    public int Page { get; private init; } = 1;

    /// <summary>The sort column as the address names it; null for the default (by name).</summary>
    public string? SortKey => Sort == PortfolioSort.Name ? null : SortKeys.First(k => k.Value == Sort).Key;

    /// <summary>The year as typed, to show it again next to its message.</summary>
    public string? YearText { get; private init; }

    /// <summary>Messages per form key, in the request's language; empty when every choice is valid.</summary>
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public bool Filters => Theme is not null || Year is not null || Phase is not null;

    /// <summary>
    /// Reads the choices; a theme, phase or year that does not exist gets a message naming the field (and is not
    /// applied). An unknown sort column or page falls back to the default: a stale bookmark still shows the portfolio.
    /// </summary>
    public static PortfolioFilter From(IQueryCollection query, ImpactModel model, RequestLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(lang);
        var theme = Text(query, "thema");
        var phase = Text(query, "fase");
        var yearText = Text(query, "jaar");
        var sort = SortKeys.GetValueOrDefault(Text(query, "sorteer") ?? "naam", PortfolioSort.Name);
        var page = int.TryParse(Text(query, "pagina"), NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p >= 1 ? p : 1;
        int? year = null;
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (theme is not null && model.Themes.All(t => t.Id != theme))
        {
            errors["thema"] = lang.T("Kies een thema uit de lijst.", "Choose a theme from the list.");
            theme = null;
        }
        if (phase is not null)
        {
            // One word per phase in the address, whatever word was typed ("evaluation" becomes "evaluatie").
            phase = PhaseWord.Parse(phase) is { } known ? PhaseWord.Of(known) : null;
            if (phase is null)
            {
                errors["fase"] = lang.T("Kies als fase plan of evaluatie.", "Choose plan or evaluation as the phase.");
            }
        }
        if (yearText is not null)
        {
            if (int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1900 and <= 2200)
            {
                year = y;
            }
            else
            {
                errors["jaar"] = lang.T("Vul als startjaar een jaartal in van vier cijfers, zoals 2025.", "Enter the start year as four digits, such as 2025.");
            }
        }
        var filter = new PortfolioFilter
        {
            Theme = theme, Phase = phase, Year = year, YearText = yearText, Sort = sort,
            Descending = Text(query, "richting") == "af", Page = page,
        };
        foreach (var (key, message) in errors)
        {
            filter.Errors[key] = message;
        }
        return filter;
    }

    private static string? Text(IQueryCollection query, string key) =>
        query[key].ToString().Trim() is { Length: > 0 and <= 100 } value ? value : null;

    /// <summary>The organisation's projects that are not deleted and match the filter (not yet sorted or paged).</summary>
    public IQueryable<Project> Apply(IQueryable<Project> projects, Guid organisationId)
    {
        var query = projects.Where(p => p.OrganisationId == organisationId && p.DeletedAt == null);
        if (Theme is { } theme)
        {
            query = query.Where(p => p.Theme == theme);
        }
        if (Year is { } year)
        {
            query = query.Where(p => p.StartYear == year);
        }
        if (PhaseWord.Parse(Phase) is { } phase)
        {
            query = query.Where(p => p.Phase == phase);
        }
        return query;
    }

    /// <summary>Sorted by the chosen column, then by name and id, so every page is stable. Projects without a ratio come last.</summary>
    public IOrderedQueryable<Project> Order(IQueryable<Project> query)
    {
        var ordered = (Sort, Descending) switch
        {
            (PortfolioSort.Year, false) => query.OrderBy(p => p.StartYear),
            (PortfolioSort.Year, true) => query.OrderByDescending(p => p.StartYear),
            (PortfolioSort.Invested, false) => query.OrderBy(p => p.InvestedCents),
            (PortfolioSort.Invested, true) => query.OrderByDescending(p => p.InvestedCents),
            (PortfolioSort.Ratio, false) => query.OrderBy(p => p.Ratio == null).ThenBy(p => p.Ratio),
            (PortfolioSort.Ratio, true) => query.OrderBy(p => p.Ratio == null).ThenByDescending(p => p.Ratio),
            (_, false) => query.OrderBy(p => p.Name),
            (_, true) => query.OrderByDescending(p => p.Name),
        };
        return Sort == PortfolioSort.Name ? ordered.ThenBy(p => p.Id) : ordered.ThenBy(p => p.Name).ThenBy(p => p.Id);
    }

    /// <summary>The address of <paramref name="path"/> with these choices, changed by <paramref name="change"/> (null removes a key).</summary>
    public string Url(string path, params (string Key, string? Value)[] change)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["thema"] = Theme,
            ["jaar"] = Year?.ToString(CultureInfo.InvariantCulture),
            ["fase"] = Phase,
            ["sorteer"] = SortKey,
            ["richting"] = Descending ? "af" : null,
            ["pagina"] = Page == 1 ? null : Page.ToString(CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in change)
        {
            values[key] = value;
        }
        return QueryHelpers.AddQueryString(path, values.Where(v => v.Value is not null));
    }

    /// <summary>The address that sorts by <paramref name="sort"/>: ascending first, a second click turns it round; back to page 1.</summary>
    public string SortUrl(PortfolioSort sort)
    {
        var descending = sort == Sort && !Descending;
        return Url("/projecten", ("sorteer", SortKeys.First(k => k.Value == sort).Key), ("richting", descending ? "af" : null), ("pagina", null));
    }

    /// <summary>"ascending"/"descending" for the column that sorts now (aria-sort), else null.</summary>
    public string? AriaSort(PortfolioSort sort) => sort != Sort ? null : Descending ? "descending" : "ascending";
}
