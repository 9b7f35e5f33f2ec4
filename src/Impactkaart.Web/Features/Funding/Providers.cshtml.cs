using Impactkaart.Web.Data;
using Impactkaart.Web.Features.Accounts;
using Impactkaart.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Impactkaart.Web.Features.Funding;

/// <summary>
/// The funder's providers: requests waiting (who asked, when, for which projects), to accept or decline, and the
/// accepted providers with their number of connected projects, to end. Deciding is for the funder's admins; members
/// read along. An organisation that is not a funder gets a page saying how to become one, and its posts find nothing.
/// </summary>
public sealed class FunderProvidersModel(ImpactkaartDb db, FundingStore store, CurrentMember current, RequestLanguage language) : AccountPage(language)
{
    public const string RelationField = "relatie";

    public bool IsFunder { get; private set; }

    public bool IsAdmin { get; private set; }

    public IReadOnlyList<RelationRow> Requests { get; private set; } = [];

    public IReadOnlyList<RelationRow> Accepted { get; private set; } = [];

    /// <summary>What the last change did, for the confirmation at the top (from "?gedaan=").</summary>
    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? gedaan, CancellationToken cancellationToken)
    {
        var member = await current.RequireAsync(cancellationToken);
        IsAdmin = member.Role == MemberRole.Admin;
        IsFunder = (await current.OrganisationAsync(cancellationToken))?.IsFunder == true;
        if (IsFunder)
        {
            Done = gedaan;
            var relations = await FundingConnections.OfFunderAsync(db, member.OrganisationId, cancellationToken);
            Requests = [.. relations.Where(r => r.AcceptedAt is null).OrderBy(r => r.RequestedAt)];
            Accepted = [.. relations.Where(r => r.AcceptedAt is not null)];
        }
        return Page();
    }

    public Task<IActionResult> OnPostAcceptAsync(CancellationToken cancellationToken) =>
        DecideAsync(accept: true, cancellationToken);

    /// <summary>Declines a request or ends an accepted relation: both remove the relation and what hangs under it.</summary>
    public Task<IActionResult> OnPostEndAsync(CancellationToken cancellationToken) =>
        DecideAsync(accept: false, cancellationToken);

    public string? DoneMessage => Done switch
    {
        "geaccepteerd" => Lang.T("De aanbieder is geaccepteerd. U ziet nu de gekoppelde projecten in uw portfolio, en ook de projecten die deze aanbieder later koppelt.",
            "The provider is accepted. You now see its connected projects in your portfolio, and also the projects this provider connects later."),
        "afgewezen" => Lang.T("Het verzoek is afgewezen. De aanbieder ziet dat in zijn logboek en kan later opnieuw koppelen.",
            "The request is declined. The provider sees this in its audit log and can connect again later."),
        "beeindigd" => Lang.T("De samenwerking is beëindigd. U ziet de projecten van deze aanbieder niet meer; de resultaatafspraken zijn verwijderd.",
            "The relation has ended. You no longer see this provider's projects; the result agreements have been removed."),
        _ => null,
    };

    private async Task<IActionResult> DecideAsync(bool accept, CancellationToken cancellationToken)
    {
        var member = await current.RequireAsync(cancellationToken);
        // Only the funder's own relations: a provider, or another funder, posting a relation id finds nothing here.
        var relation = (await current.OrganisationAsync(cancellationToken))?.IsFunder == true && Guid.TryParse(Posted(RelationField), out var id)
            ? await db.FunderRelations.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.FunderId == member.OrganisationId, cancellationToken)
            : null;
        if (relation is null)
        {
            return NotFound();
        }
        if (member.Role != MemberRole.Admin)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        var wasAccepted = relation.AcceptedAt is not null;
        if (accept && wasAccepted)
        {
            return Redirect("/financier/aanbieders");
        }
        var result = accept ? await store.AcceptAsync(member, relation.Id, cancellationToken) : await store.EndAsync(member, relation.Id, cancellationToken);
        if (result.Outcome != FundingOutcome.Done)
        {
            return NotFound();
        }
        return Redirect("/financier/aanbieders?gedaan=" + (accept ? "geaccepteerd" : wasAccepted ? "beeindigd" : "afgewezen"));
    }
}
