using Impactkaart.Engine;
using Impactkaart.Engine.Calculation;
using Impactkaart.Web.Data;
using Impactkaart.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Impactkaart.Web.Features.Funding;

/// <summary>How a funding change ended; every outcome a user can meet is a value here, never an exception.</summary>
public enum FundingOutcome
{
    Done,
    Invalid,
    NotFound,
}

/// <summary>The result of a funding change: done (with the connection or relation), or field messages, or not found.</summary>
public sealed record FundingResult(FundingOutcome Outcome, IReadOnlyList<FieldError>? Errors = null, FundedProject? Funding = null, FunderRelation? Relation = null)
{
    public IReadOnlyList<FieldError> FieldErrors => Errors ?? [];

    public static readonly FundingResult NotFound = new(FundingOutcome.NotFound);
}

/// <summary>
/// Every change between providers and funders: a provider connects a project to a funder (the first time asking the
/// funder to accept the provider), the funder's admin accepts or declines, either side ends the relation, the
/// provider ends one project's connection. Each change is checked against the acting member's own organisation
/// (another organisation's id is "not found") and written to the audit log of both organisations in the same save.
/// </summary>
public sealed class FundingStore(ImpactkaartDb db, Audit audit)
{
    public const string SchemeField = "regeling";
    public const string NeighbourhoodsField = "wijken";
    public const string FunderField = "financier";

    /// <summary>Funders whose name contains <paramref name="query"/> (at least 2 characters), other than the asking organisation; 20 at most.</summary>
    public async Task<List<Organisation>> SearchFundersAsync(Guid providerId, string? query, CancellationToken cancellationToken = default)
    {
        var text = (query ?? "").Trim();
        if (text.Length < 2)
        {
            return [];
        }
        // Funders are a few hundred at most (municipalities, funds, insurers): matched here, ignoring case and accents.
        var funders = await db.Organisations.AsNoTracking().Where(o => o.IsFunder && o.Id != providerId)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var compare = System.Globalization.CultureInfo.InvariantCulture.CompareInfo;
        const System.Globalization.CompareOptions loose = System.Globalization.CompareOptions.IgnoreCase | System.Globalization.CompareOptions.IgnoreNonSpace;
        return [.. funders.Where(o => compare.IndexOf(o.Name, text, loose) >= 0)
            .OrderBy(o => o.Name, StringComparer.CurrentCultureIgnoreCase).Take(20)];
    }

    /// <summary>
    /// Connects the provider's project to a funder under a scheme, for zero or more neighbourhoods. When the provider
    /// has no relation with the funder yet, it is asked for (the funder sees the project once its admin accepts).
    /// Connecting a project that is already connected to the funder changes its scheme and neighbourhoods.
    /// </summary>
    public async Task<FundingResult> ConnectAsync(Member by, Guid projectId, Guid funderId, string? scheme, string? neighbourhoods, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(by);
        var project = await db.Projects.AsNoTracking()
            .SingleOrDefaultAsync(p => p.Id == projectId && p.OrganisationId == by.OrganisationId && p.DeletedAt == null, cancellationToken).ConfigureAwait(false);
        if (project is null)
        {
            return FundingResult.NotFound;
        }
        var errors = new List<FieldError>();
        var funder = await db.Organisations.AsNoTracking()
            .SingleOrDefaultAsync(o => o.Id == funderId && o.IsFunder && o.Id != by.OrganisationId, cancellationToken).ConfigureAwait(false);
        if (funder is null)
        {
            errors.Add(new FieldError(FunderField, new Text("Kies een financier uit de lijst.", "Choose a funder from the list.")));
        }
        var schemeText = (scheme ?? "").Trim();
        if (schemeText.Length == 0)
        {
            errors.Add(new FieldError(SchemeField, new Text(
                "Regeling: vul de naam in van de subsidieregeling, bijvoorbeeld \"Subsidieregeling Welzijn 2026\".",
                "Scheme: enter the name of the subsidy scheme, for example \"Welfare subsidy scheme 2026\".")));
        }
        else if (schemeText.Length > FundedProject.MaxScheme)
        {
            errors.Add(new FieldError(SchemeField, new Text(
                $"Regeling: gebruik hoogstens {FundedProject.MaxScheme} tekens.", $"Scheme: use at most {FundedProject.MaxScheme} characters.")));
        }
        var wijken = FunderAccess.JoinNeighbourhoods(FunderAccess.Neighbourhoods(neighbourhoods ?? ""));
        if (wijken.Length > FundedProject.MaxNeighbourhoods)
        {
            errors.Add(new FieldError(NeighbourhoodsField, new Text(
                $"Wijken: samen hoogstens {FundedProject.MaxNeighbourhoods} tekens.", $"Neighbourhoods: at most {FundedProject.MaxNeighbourhoods} characters together.")));
        }
        if (errors.Count > 0 || funder is null)
        {
            return new FundingResult(FundingOutcome.Invalid, errors);
        }
        var provider = await OrganisationAsync(by.OrganisationId, cancellationToken).ConfigureAwait(false);
        var relation = await db.FunderRelations
            .SingleOrDefaultAsync(r => r.ProviderId == by.OrganisationId && r.FunderId == funder.Id, cancellationToken).ConfigureAwait(false);
        if (relation is null)
        {
            relation = new FunderRelation
            {
                Id = Guid.NewGuid(), ProviderId = by.OrganisationId, FunderId = funder.Id,
                RequestedBy = by.Id, RequestedByName = by.DisplayName, RequestedAt = audit.Now,
            };
            db.FunderRelations.Add(relation);
            Both(by, provider, funder, FundingCodes.Requested, subjectForProvider: funder.Name, subjectForFunder: provider.Name);
        }
        var funding = await db.FundedProjects
            .SingleOrDefaultAsync(f => f.ProjectId == project.Id && f.FunderId == funder.Id, cancellationToken).ConfigureAwait(false);
        if (funding is null)
        {
            funding = new FundedProject
            {
                Id = Guid.NewGuid(), ProjectId = project.Id, ProviderId = by.OrganisationId, FunderId = funder.Id,
                ConnectedBy = by.Id, ConnectedByName = by.DisplayName, ConnectedAt = audit.Now,
            };
            db.FundedProjects.Add(funding);
        }
        funding.Scheme = schemeText;
        funding.Neighbourhoods = wijken;
        var detail = wijken.Length > 0 ? $"regeling {schemeText}; wijken {wijken}" : $"regeling {schemeText}";
        Both(by, provider, funder, FundingCodes.Connected, $"{project.Name} → {funder.Name}", $"{provider.Name}: {project.Name}", detail);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new FundingResult(FundingOutcome.Done, Funding: funding, Relation: relation);
    }

    /// <summary>The funder's admin accepts a provider: from now on the funder sees every project the provider connects.</summary>
    public async Task<FundingResult> AcceptAsync(Member by, Guid relationId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(by);
        var relation = await db.FunderRelations
            .SingleOrDefaultAsync(r => r.Id == relationId && r.FunderId == by.OrganisationId && r.AcceptedAt == null, cancellationToken).ConfigureAwait(false);
        if (relation is null || by.Role != MemberRole.Admin)
        {
            return FundingResult.NotFound;
        }
        relation.AcceptedAt = audit.Now;
        relation.AcceptedBy = by.Id;
        relation.AcceptedByName = by.DisplayName;
        var (provider, funder) = (await OrganisationAsync(relation.ProviderId, cancellationToken).ConfigureAwait(false), await OrganisationAsync(relation.FunderId, cancellationToken).ConfigureAwait(false));
        Both(by, provider, funder, FundingCodes.Accepted, subjectForProvider: funder.Name, subjectForFunder: provider.Name);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new FundingResult(FundingOutcome.Done, Relation: relation);
    }

    /// <summary>
    /// Ends a relation, from either side (the funder's admin declining a request or ending it, or the provider's
    /// member): the relation and every connection and agreement under it are removed; the audit logs keep what happened.
    /// </summary>
    public async Task<FundingResult> EndAsync(Member by, Guid relationId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(by);
        var relation = await db.FunderRelations
            .SingleOrDefaultAsync(r => r.Id == relationId && (r.ProviderId == by.OrganisationId || r.FunderId == by.OrganisationId), cancellationToken).ConfigureAwait(false);
        var asFunder = relation?.FunderId == by.OrganisationId;
        if (relation is null || (asFunder && by.Role != MemberRole.Admin))
        {
            return FundingResult.NotFound;
        }
        var (provider, funder) = (await OrganisationAsync(relation.ProviderId, cancellationToken).ConfigureAwait(false), await OrganisationAsync(relation.FunderId, cancellationToken).ConfigureAwait(false));
        var connections = await db.FundedProjects.Where(f => f.ProviderId == relation.ProviderId && f.FunderId == relation.FunderId)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        db.ResultAgreements.RemoveRange(db.ResultAgreements.Where(a => a.ProviderId == relation.ProviderId && a.FunderId == relation.FunderId));
        db.FundedProjects.RemoveRange(connections);
        db.FunderRelations.Remove(relation);
        var code = asFunder && relation.AcceptedAt is null ? FundingCodes.Declined : FundingCodes.Ended;
        var detail = connections.Count == 1 ? "1 project ontkoppeld" : $"{connections.Count} projecten ontkoppeld";
        Both(by, provider, funder, code, subjectForProvider: funder.Name, subjectForFunder: provider.Name, detail);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new FundingResult(FundingOutcome.Done, Relation: relation);
    }

    /// <summary>The provider ends one project's connection: the funder no longer sees it, its result agreements are removed.</summary>
    public async Task<FundingResult> DisconnectAsync(Member by, Guid fundingId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(by);
        var funding = await db.FundedProjects
            .SingleOrDefaultAsync(f => f.Id == fundingId && f.ProviderId == by.OrganisationId, cancellationToken).ConfigureAwait(false);
        if (funding is null)
        {
            return FundingResult.NotFound;
        }
        var projectName = await db.Projects.Where(p => p.Id == funding.ProjectId).Select(p => p.Name).SingleAsync(cancellationToken).ConfigureAwait(false);
        var (provider, funder) = (await OrganisationAsync(funding.ProviderId, cancellationToken).ConfigureAwait(false), await OrganisationAsync(funding.FunderId, cancellationToken).ConfigureAwait(false));
        db.ResultAgreements.RemoveRange(db.ResultAgreements.Where(a => a.FundedProjectId == funding.Id));
        db.FundedProjects.Remove(funding);
        Both(by, provider, funder, FundingCodes.Disconnected, $"{projectName} → {funder.Name}", $"{provider.Name}: {projectName}");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new FundingResult(FundingOutcome.Done, Funding: funding);
    }

    /// <summary>
    /// Records that a funder's member looked at connected projects (a project's map, the portfolio, an export, the
    /// council report), in the funder's log and in the log of each provider whose projects were shown. Saved at once.
    /// </summary>
    public async Task RecordViewAsync(Member by, IEnumerable<(Guid ProviderId, string What)> seen, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(by);
        ArgumentNullException.ThrowIfNull(seen);
        var funder = await OrganisationAsync(by.OrganisationId, cancellationToken).ConfigureAwait(false);
        foreach (var group in seen.GroupBy(s => s.ProviderId))
        {
            var provider = await OrganisationAsync(group.Key, cancellationToken).ConfigureAwait(false);
            var what = string.Join(", ", group.Select(g => g.What).Distinct(StringComparer.Ordinal));
            Both(by, provider, funder, FundingCodes.Viewed, subjectForProvider: $"{funder.Name}: {what}", subjectForFunder: $"{provider.Name}: {what}");
        }
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Records that a funder's member looked at an overview of connected projects (the portfolio, an export):
    /// one entry in the funder's log ("portefeuille: 12 projecten van 3 aanbieders") and one in the log of each
    /// provider whose projects were in it, at most once per member and kind of view per hour, so the logs stay
    /// readable and a funder paging through its filters adds no writes. Returns whether it was recorded now.
    /// </summary>
    public async Task<bool> RecordOverviewAsync(Member by, string what, IReadOnlyCollection<(Guid ProviderId, int Projects)> seen, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(by);
        ArgumentNullException.ThrowIfNull(seen);
        var since = audit.Now - OverviewInterval;
        if (seen.Count == 0 || await db.AuditEntries.AnyAsync(a => a.OrganisationId == by.OrganisationId && a.At >= since
                && a.MemberId == by.Id && a.Action == FundingCodes.Viewed && a.Detail == what, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }
        var funder = await OrganisationAsync(by.OrganisationId, cancellationToken).ConfigureAwait(false);
        var projects = seen.Sum(s => s.Projects);
        audit.Add(by, funder.Id, FundingCodes.Viewed, $"{what}: {Projects(projects)} van {(seen.Count == 1 ? "1 aanbieder" : $"{seen.Count} aanbieders")}", what);
        foreach (var (providerId, count) in seen)
        {
            audit.AddForOther(by, funder.Name, providerId, FundingCodes.Viewed, $"{funder.Name}: {what} ({Projects(count)})", what);
        }
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return true;

        static string Projects(int count) => count == 1 ? "1 project" : $"{count} projecten";
    }

    /// <summary>How long a member's look at an overview counts as one view in the logs.</summary>
    public static readonly TimeSpan OverviewInterval = TimeSpan.FromHours(1);

    private Task<Organisation> OrganisationAsync(Guid id, CancellationToken cancellationToken) =>
        db.Organisations.AsNoTracking().SingleAsync(o => o.Id == id, cancellationToken);

    /// <summary>One entry in each organisation's log; the acting member is named with their organisation in the other's log.</summary>
    private void Both(Member by, Organisation provider, Organisation funder, string code, string subjectForProvider, string subjectForFunder, string detail = "")
    {
        var own = by.OrganisationId;
        var other = own == provider.Id ? funder : provider;
        var ownOrganisation = own == provider.Id ? provider : funder;
        audit.Add(by, own, code, own == provider.Id ? subjectForProvider : subjectForFunder, detail);
        audit.AddForOther(by, ownOrganisation.Name, other.Id, code, other.Id == provider.Id ? subjectForProvider : subjectForFunder, detail);
    }
}
