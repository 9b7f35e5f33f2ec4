using Impactkaart.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Impactkaart.Web.Features.Funding;

/// <summary>One connection of a provider's project, as the provider's pages list it.</summary>
public sealed record ProjectConnection(Guid FundingId, Guid RelationId, string FunderName, string Scheme, IReadOnlyList<string> Neighbourhoods, DateTime ConnectedAt, DateTime? AcceptedAt)
{
    /// <summary>Since when the funder sees the project: once both the connection exists and its admin accepted the provider; null while waiting.</summary>
    public DateTime? VisibleSince => AcceptedAt is { } accepted ? (accepted > ConnectedAt ? accepted : ConnectedAt) : null;
}

/// <summary>A project a relation covers: its name, scheme and neighbourhoods.</summary>
public sealed record ConnectedProjectName(string Name, string Scheme, IReadOnlyList<string> Neighbourhoods);

/// <summary>One provider-funder relation seen from one side: the other organisation, who asked when, whether accepted, its projects.</summary>
public sealed record RelationRow(Guid RelationId, string OtherName, string RequestedByName, DateTime RequestedAt, DateTime? AcceptedAt, IReadOnlyList<ConnectedProjectName> Projects);

/// <summary>
/// The reads behind the connection pages: always from the signed-in member's own organisation, on one side of the
/// relation (the provider's own projects, or the funder's own relations), so another organisation's rows never come back.
/// </summary>
public static class FundingConnections
{
    /// <summary>The connections of one of the provider's projects, funder by name.</summary>
    public static async Task<List<ProjectConnection>> OfProjectAsync(ImpactkaartDb db, Guid providerId, Guid projectId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await (
            from f in db.FundedProjects.AsNoTracking()
            where f.ProviderId == providerId && f.ProjectId == projectId
            join o in db.Organisations.AsNoTracking() on f.FunderId equals o.Id
            join r in db.FunderRelations.AsNoTracking() on new { f.ProviderId, f.FunderId } equals new { r.ProviderId, r.FunderId }
            select new { f.Id, RelationId = r.Id, o.Name, f.Scheme, f.Neighbourhoods, f.ConnectedAt, r.AcceptedAt })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.OrderBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase)
            .Select(r => new ProjectConnection(r.Id, r.RelationId, r.Name, r.Scheme, FunderAccess.Neighbourhoods(r.Neighbourhoods), r.ConnectedAt, r.AcceptedAt))];
    }

    /// <summary>The provider's relations with funders, each with the provider's projects connected to that funder.</summary>
    public static Task<List<RelationRow>> OfProviderAsync(ImpactkaartDb db, Guid providerId, CancellationToken cancellationToken = default) =>
        RelationsAsync(db, r => r.ProviderId == providerId, asFunder: false, cancellationToken);

    /// <summary>The funder's relations with providers (requests and accepted), each with the projects the provider connected.</summary>
    public static Task<List<RelationRow>> OfFunderAsync(ImpactkaartDb db, Guid funderId, CancellationToken cancellationToken = default) =>
        RelationsAsync(db, r => r.FunderId == funderId, asFunder: true, cancellationToken);

    /// <summary>
    /// The email domains of each organisation's admins ("utrecht.nl"): anyone can call an organisation "Gemeente
    /// Utrecht", only the municipality's own people have its addresses, so the domain tells a provider which is real.
    /// </summary>
    public static async Task<Dictionary<Guid, IReadOnlyList<string>>> AdminDomainsAsync(ImpactkaartDb db, IReadOnlyCollection<Guid> organisationIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var admins = await db.Users.AsNoTracking()
            .Where(m => organisationIds.Contains(m.OrganisationId) && m.Role == MemberRole.Admin && m.RemovedAt == null && m.Email != null)
            .Select(m => new { m.OrganisationId, m.Email })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return admins.GroupBy(a => a.OrganisationId).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g
            .Select(a => a.Email![(a.Email!.LastIndexOf('@') + 1)..].ToLowerInvariant())
            .Where(d => d.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);
    }

    private static async Task<List<RelationRow>> RelationsAsync(ImpactkaartDb db, System.Linq.Expressions.Expression<Func<FunderRelation, bool>> side, bool asFunder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var relations = await db.FunderRelations.AsNoTracking().Where(side).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (relations.Count == 0)
        {
            return [];
        }
        var otherIds = relations.Select(r => asFunder ? r.ProviderId : r.FunderId).Distinct().ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => otherIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken).ConfigureAwait(false);
        var providerIds = relations.Select(r => r.ProviderId).Distinct().ToList();
        var funderIds = relations.Select(r => r.FunderId).Distinct().ToList();
        // A deleted project is no longer connected for anyone (FunderAccess): it is not listed either.
        var projects = await (
            from f in db.FundedProjects.AsNoTracking()
            where providerIds.Contains(f.ProviderId) && funderIds.Contains(f.FunderId)
            join p in db.Projects.AsNoTracking() on f.ProjectId equals p.Id
            where p.DeletedAt == null && p.OrganisationId == f.ProviderId
            select new { f.ProviderId, f.FunderId, p.Name, f.Scheme, f.Neighbourhoods })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. relations
            .Select(r => new RelationRow(r.Id, names.GetValueOrDefault(asFunder ? r.ProviderId : r.FunderId, ""), r.RequestedByName, r.RequestedAt, r.AcceptedAt,
                [.. projects.Where(p => p.ProviderId == r.ProviderId && p.FunderId == r.FunderId)
                    .OrderBy(p => p.Name, StringComparer.CurrentCultureIgnoreCase)
                    .Select(p => new ConnectedProjectName(p.Name, p.Scheme, FunderAccess.Neighbourhoods(p.Neighbourhoods)))]))
            .OrderBy(r => r.OtherName, StringComparer.CurrentCultureIgnoreCase)];
    }
}
