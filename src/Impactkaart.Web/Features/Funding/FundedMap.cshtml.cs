using Impactkaart.Engine.Calculation;
using Impactkaart.Web.Data;
using Impactkaart.Web.Features.Accounts;
using Impactkaart.Web.Features.Projects;
using Impactkaart.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Impactkaart.Web.Features.Funding;

/// <summary>
/// /financier/projecten/{fundingId}: a connected project's current map (the newest evaluation, else the newest plan),
/// read-only, for the funder it is connected to; with its provider, scheme and neighbourhoods. Never drafts, the
/// versions' history or the provider's members. Another funder's connection, one that ended, or a project that was
/// deleted: "not found". Every look is in both organisations' logs.
/// </summary>
public sealed class FundedMapModel(ImpactkaartDb db, CurrentMember current, MapService maps, FundingStore store, RequestLanguage language)
    : AccountPage(language)
{
    public ImpactMap Map { get; private set; } = null!;

    public Guid FundingId { get; private set; }

    public string ProjectName { get; private set; } = "";

    public string ProviderName { get; private set; } = "";

    public string Scheme { get; private set; } = "";

    public IReadOnlyList<string> Neighbourhoods { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid fundingId, CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        var member = await current.RequireAsync(cancellationToken);
        var found = await (
            from f in FunderAccess.Visible(db, member.OrganisationId)
            where f.Id == fundingId
            join p in db.Projects.AsNoTracking() on f.ProjectId equals p.Id
            join o in db.Organisations.AsNoTracking() on f.ProviderId equals o.Id
            select new { f.ProjectId, f.ProviderId, f.Scheme, f.Neighbourhoods, p.Name, Provider = o.Name })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return NotFound();
        }
        var input = await ProjectStore.CurrentFirst(db.ProjectVersions.AsNoTracking()
                .Where(v => v.ProjectId == found.ProjectId && v.OrganisationId == found.ProviderId))
            .Select(v => v.Input)
            .FirstOrDefaultAsync(cancellationToken);
        var request = input is null ? null : ProjectStore.ReadRequest(input);
        var map = request is null ? null : maps.Compute(request).Map;
        if (map is null)
        {
            return NotFound();
        }
        (Map, FundingId, ProjectName, ProviderName, Scheme, Neighbourhoods) =
            (map, fundingId, found.Name, found.Provider, found.Scheme, FunderAccess.Neighbourhoods(found.Neighbourhoods));
        await store.RecordViewAsync(member, [(found.ProviderId, "kaart van " + found.Name)], cancellationToken);
        return Page();
    }
}
