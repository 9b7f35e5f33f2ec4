using System.Globalization;
using Impactkaart.Engine.Model;
using Impactkaart.Engine.Calculation;
using Impactkaart.Web.Features.Shared;
using Microsoft.AspNetCore.WebUtilities;

namespace Impactkaart.Web.Features.Funding;

/// <summary>
/// The funder portfolio's choices as the address holds them (a GET form, so every view is a bookmark): provider
/// ("aanbieder", its id), theme ("thema"), scheme ("regeling"), neighbourhood ("wijk"), start year ("jaar"), phase
/// ("fase") and whether to leave out the uncertainty ("onzekerheid=nee"). The page and the exports read the same
/// choices. A provider, scheme or neighbourhood is one of the funder's own (chosen from its rows), never typed freely.
/// </summary>
public sealed class FunderChoices
{
    public const string ProviderKey = "aanbieder";
    public const string ThemeKey = "thema";
    public const string SchemeKey = "regeling";
    public const string NeighbourhoodKey = "wijk";
    public const string YearKey = "jaar";
    public const string PhaseKey = "fase";
    public const string UncertaintyKey = "onzekerheid";

    public FunderFilter Filter { get; private init; } = FunderFilter.All;

    /// <summary>False when the address asks for the page without the uncertainty (onzekerheid=nee): it then costs no simulation.</summary>
    public bool WithUncertainty { get; private init; } = true;

    /// <summary>The year as typed, to show it again next to its message.</summary>
    public string? YearText { get; private init; }

    /// <summary>Messages per form key, in the request's language; empty when every choice is valid.</summary>
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public bool Filters => Filter != FunderFilter.All;

    /// <summary>The phase as the address writes it ("plan", "evaluatie"), or null.</summary>
    public string? PhaseText => Filter.Phase is { } phase ? PhaseWord.Of(phase) : null;

    /// <summary>
    /// Reads the choices against the funder's own rows; a value that is not among them (another organisation's id,
    /// a scheme it does not have, a year that is no year) gets a message naming the field and is not applied.
    /// </summary>
    public static FunderChoices From(IQueryCollection query, IReadOnlyCollection<FundedRow> all, ImpactModel model, RequestLanguage lang)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(all);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(lang);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        Guid? provider = null;
        if (Text(query, ProviderKey) is { } providerText)
        {
            if (Guid.TryParse(providerText, out var id) && all.Any(r => r.ProviderId == id))
            {
                provider = id;
            }
            else
            {
                errors[ProviderKey] = lang.T("Aanbieder: kies een aanbieder uit de lijst.", "Provider: choose a provider from the list.");
            }
        }
        var theme = Text(query, ThemeKey);
        if (theme is not null && model.Themes.All(t => t.Id != theme))
        {
            errors[ThemeKey] = lang.T("Thema: kies een thema uit de lijst.", "Theme: choose a theme from the list.");
            theme = null;
        }
        var scheme = Text(query, SchemeKey);
        if (scheme is not null)
        {
            scheme = all.Select(r => r.Scheme).FirstOrDefault(s => string.Equals(s, scheme, StringComparison.OrdinalIgnoreCase));
            if (scheme is null)
            {
                errors[SchemeKey] = lang.T("Regeling: kies een regeling uit de lijst.", "Scheme: choose a scheme from the list.");
            }
        }
        var neighbourhood = Text(query, NeighbourhoodKey);
        if (neighbourhood is not null)
        {
            neighbourhood = all.SelectMany(r => r.Neighbourhoods).FirstOrDefault(n => string.Equals(n, neighbourhood, StringComparison.OrdinalIgnoreCase));
            if (neighbourhood is null)
            {
                errors[NeighbourhoodKey] = lang.T("Wijk: kies een wijk uit de lijst.", "Neighbourhood: choose a neighbourhood from the list.");
            }
        }
        var yearText = Text(query, YearKey);
        int? year = null;
        if (yearText is not null)
        {
            if (int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1900 and <= 2200)
            {
                year = y;
            }
            else
            {
                errors[YearKey] = lang.T("Startjaar: vul een jaartal in van vier cijfers, zoals 2025.", "Start year: enter four digits, such as 2025.");
            }
        }
        Phase? phase = null;
        if (Text(query, PhaseKey) is { } phaseText)
        {
            phase = PhaseWord.Parse(phaseText);
            if (phase is null)
            {
                errors[PhaseKey] = lang.T("Fase: kies plan of evaluatie.", "Phase: choose plan or evaluation.");
            }
        }
        var choices = new FunderChoices
        {
            Filter = new FunderFilter(provider, theme, scheme, neighbourhood, year, phase),
            YearText = yearText,
            WithUncertainty = Text(query, UncertaintyKey) is not ("nee" or "no"),
        };
        foreach (var (key, message) in errors)
        {
            choices.Errors[key] = message;
        }
        return choices;
    }

    private static string? Text(IQueryCollection query, string key) =>
        query[key].ToString().Trim() is { Length: > 0 and <= 200 } value ? value : null;

    /// <summary>The address of <paramref name="path"/> with these choices (the uncertainty choice only where asked for).</summary>
    public string Url(string path, bool keepUncertainty = false)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [ProviderKey] = Filter.Provider?.ToString(),
            [ThemeKey] = Filter.Theme,
            [SchemeKey] = Filter.Scheme,
            [NeighbourhoodKey] = Filter.Neighbourhood,
            [YearKey] = Filter.Year?.ToString(CultureInfo.InvariantCulture),
            [PhaseKey] = PhaseText,
            [UncertaintyKey] = keepUncertainty && !WithUncertainty ? "nee" : null,
        };
        return QueryHelpers.AddQueryString(path, values.Where(v => v.Value is not null));
    }
}
