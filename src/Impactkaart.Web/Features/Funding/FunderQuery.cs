using System.Globalization;
using Impactkaart.Engine;
using Impactkaart.Engine.Calculation;
using Impactkaart.Engine.Model;
using Impactkaart.Web.Data;

namespace Impactkaart.Web.Features.Funding;

/// <summary>
/// The portfolio's filter as an address carries it, under the names of the address: the site's pages and downloads
/// use Dutch names ("aanbieder", "thema", "regeling", "wijk", "jaar", "fase"), the API English ones. A value that
/// names nothing gets a message naming its field, and is not applied.
/// </summary>
public sealed record FunderFilterNames(string Provider, string Theme, string Scheme, string Neighbourhood, string Year, string Phase)
{
    public static readonly FunderFilterNames Site = new("aanbieder", "thema", "regeling", "wijk", "jaar", "fase");

    public static readonly FunderFilterNames Api = new("provider", "theme", "scheme", "neighbourhood", "year", "phase");

    public (FunderFilter Filter, List<FieldError> Errors) Read(IQueryCollection query, ImpactModel model)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(model);
        var errors = new List<FieldError>();
        Guid? provider = null;
        if (Value(query, Provider) is { } providerText)
        {
            if (Guid.TryParse(providerText, out var id))
            {
                provider = id;
            }
            else
            {
                errors.Add(new FieldError(Provider, new Text("Aanbieder: geef het id van een aanbieder uit de portefeuille.", "Provider: give the id of a provider in the portfolio.")));
            }
        }
        var theme = Value(query, Theme);
        if (theme is not null && model.Themes.All(t => t.Id != theme))
        {
            errors.Add(new FieldError(Theme, new Text(
                "Thema: kies een van " + string.Join(", ", model.Themes.Select(t => t.Id)) + ".",
                "Theme: choose one of " + string.Join(", ", model.Themes.Select(t => t.Id)) + ".")));
            theme = null;
        }
        int? year = null;
        if (Value(query, Year) is { } yearText)
        {
            if (int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1900 and <= 2200)
            {
                year = y;
            }
            else
            {
                errors.Add(new FieldError(Year, new Text("Startjaar: vul een jaartal in van vier cijfers, zoals 2026.", "Start year: enter four digits, such as 2026.")));
            }
        }
        Phase? phase = null;
        if (Value(query, Phase) is { } phaseText)
        {
            phase = PhaseWord.Parse(phaseText);
            if (phase is null)
            {
                errors.Add(new FieldError(Phase, new Text("Fase: kies plan of evaluatie.", "Phase: choose plan or evaluation.")));
            }
        }
        return (new FunderFilter(provider, theme, Value(query, Scheme), Value(query, Neighbourhood), year, phase), errors);
    }

    private static string? Value(IQueryCollection query, string key) =>
        query[key].ToString().Trim() is { Length: > 0 } value ? value : null;
}

/// <summary>
/// One result agreement as a funder reads it (the API and the council report): what was agreed, what the plan
/// expected, and what has been realised, with the difference in words. <see cref="Realised"/> is the value from the
/// project's evaluation (participants, outcomes) or the provider's reported count.
/// </summary>
public sealed record FunderAgreement(
    Guid Id, Guid FundingId, Guid ProjectId, Guid ProviderId, AgreementKind Kind, string OutcomeId, string Label, Text Description,
    double Target, DateOnly Due, string Note, bool Accepted, DateTime? AcceptedAt, double? Planned, double? RealisedCount,
    string RealisedNote, DateTime? RealisedAt, double? Realised, Text Difference);

/// <summary>The result agreements of a funder's visible connections.</summary>
public static class FunderAgreements
{
    /// <summary>
    /// The agreements of the given connections, of the funder only, visible connections only, by due date: the
    /// agreements' own read model (<see cref="Agreements.ForFunderAsync"/>), so the API and the council report give the
    /// same plan, realised values and words as the pages.
    /// </summary>
    public static async Task<List<FunderAgreement>> ReadAsync(Agreements agreements, Guid funderId, IReadOnlyCollection<Guid> fundingIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(agreements);
        ArgumentNullException.ThrowIfNull(fundingIds);
        var views = await agreements.ForFunderAsync(funderId, fundingIds, cancellationToken).ConfigureAwait(false);
        return [.. views.OrderBy(v => v.Agreement.Due).ThenBy(v => v.Agreement.ProposedAt).Select(v =>
        {
            var a = v.Agreement;
            return new FunderAgreement(a.Id, a.FundedProjectId, a.ProjectId, a.ProviderId, a.Kind, a.OutcomeId, a.Label, v.Label, a.Target, a.Due, a.Note,
                a.AcceptedAt is not null, a.AcceptedAt, (double?)v.Planned, a.RealisedCount, a.RealisedNote, a.RealisedAt, (double?)v.Realised, v.Difference);
        })];
    }
}
