using Impactkaart.Web.Data;
using Impactkaart.Web.Features.Accounts;
using Impactkaart.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Impactkaart.Web.Features.Funding;

/// <summary>A funder found by name, with the email domains of its admins so the provider can tell the real one.</summary>
public sealed record FunderMatch(Guid Id, string Name, IReadOnlyList<string> Domains);

/// <summary>
/// The provider's side of one project: its connections to funders (waiting for the funder's admin, or visible
/// since a date), connecting it to a funder found by name under a scheme and neighbourhoods, and disconnecting it.
/// Works without JavaScript: the search is a plain GET (?zoek=), the matches come back as radio choices. Another
/// organisation's project or connection is "not found".
/// </summary>
public sealed class ProjectFundersModel(ImpactkaartDb db, FundingStore store, CurrentMember current, RequestLanguage language) : AccountPage(language)
{
    public const string SearchField = "zoek";
    public const string FundingField = "koppeling";

    public Project Project { get; private set; } = null!;

    public IReadOnlyList<ProjectConnection> Connections { get; private set; } = [];

    public string Search { get; private set; } = "";

    public IReadOnlyList<FunderMatch> Matches { get; private set; } = [];

    /// <summary>What the last change did, for the confirmation at the top (from "?gedaan=").</summary>
    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? zoek, string? gedaan, CancellationToken cancellationToken)
    {
        var member = await current.RequireAsync(cancellationToken);
        if (!await LoadAsync(member, id, cancellationToken))
        {
            return NotFound();
        }
        Done = gedaan;
        await SearchAsync(member, zoek, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var member = await current.RequireAsync(cancellationToken);
        if (!await LoadAsync(member, id, cancellationToken))
        {
            return NotFound();
        }
        var funderId = Guid.TryParse(Posted(FundingStore.FunderField), out var chosen) ? chosen : Guid.Empty;
        // "One per line" and "separated by ;" are the same list to the store.
        var neighbourhoods = (Posted(FundingStore.NeighbourhoodsField) ?? "").Replace("\r", "", StringComparison.Ordinal).Replace('\n', ';');
        var result = await store.ConnectAsync(member, Project.Id, funderId, Posted(FundingStore.SchemeField), neighbourhoods, cancellationToken);
        if (result.Outcome == FundingOutcome.NotFound)
        {
            return NotFound();
        }
        if (result.Outcome == FundingOutcome.Invalid)
        {
            foreach (var error in result.FieldErrors)
            {
                Errors[error.Field] = Lang[error.Message];
            }
            await SearchAsync(member, Posted(SearchField), cancellationToken);
            return Invalid();
        }
        return Redirect($"/projecten/{Project.Id}/financiers?gedaan={(result.Relation!.AcceptedAt is null ? "gevraagd" : "gekoppeld")}");
    }

    public async Task<IActionResult> OnPostDisconnectAsync(Guid id, CancellationToken cancellationToken)
    {
        var member = await current.RequireAsync(cancellationToken);
        if (!await LoadAsync(member, id, cancellationToken) || !Guid.TryParse(Posted(FundingField), out var fundingId)
            || Connections.All(c => c.FundingId != fundingId))
        {
            return NotFound();
        }
        var result = await store.DisconnectAsync(member, fundingId, cancellationToken);
        return result.Outcome == FundingOutcome.Done ? Redirect($"/projecten/{Project.Id}/financiers?gedaan=ontkoppeld") : NotFound();
    }

    public string? DoneMessage => Done switch
    {
        "gevraagd" => Lang.T(
            "Het project is gekoppeld. De financier ziet het zodra een beheerder van de financier uw organisatie accepteert; daarna ziet hij ook uw volgende koppelingen meteen.",
            "The project is connected. The funder sees it as soon as an admin of the funder accepts your organisation; after that, your next connections are visible at once."),
        "gekoppeld" => Lang.T("Het project is gekoppeld; de financier ziet nu de actuele kaart.", "The project is connected; the funder now sees its current map."),
        "ontkoppeld" => Lang.T("Het project is ontkoppeld. De financier ziet de kaart en de resultaatafspraken niet meer.", "The project is disconnected. The funder no longer sees its map or its result agreements."),
        _ => null,
    };

    public string Status(ProjectConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection.VisibleSince is { } since
            ? Lang.T($"Zichtbaar voor de financier sinds {DutchTime.Date(since)}", $"Visible to the funder since {DutchTime.Date(since)}")
            : Lang.T("Wacht op akkoord van de financier", "Waiting for the funder's approval");
    }

    private async Task<bool> LoadAsync(Member member, Guid id, CancellationToken cancellationToken)
    {
        var project = await db.Projects.AsNoTracking()
            .SingleOrDefaultAsync(p => p.Id == id && p.OrganisationId == member.OrganisationId && p.DeletedAt == null, cancellationToken);
        if (project is null)
        {
            return false;
        }
        Project = project;
        Connections = await FundingConnections.OfProjectAsync(db, member.OrganisationId, id, cancellationToken);
        return true;
    }

    private async Task SearchAsync(Member member, string? query, CancellationToken cancellationToken)
    {
        Search = (query ?? "").Trim();
        if (Search.Length == 0)
        {
            return;
        }
        if (Search.Length < 2)
        {
            Error(SearchField, "Zoeken: typ minstens 2 letters van de naam van de financier.", "Search: type at least 2 letters of the funder's name.");
            return;
        }
        var funders = await store.SearchFundersAsync(member.OrganisationId, Search, cancellationToken);
        var domains = await FundingConnections.AdminDomainsAsync(db, [.. funders.Select(f => f.Id)], cancellationToken);
        Matches = [.. funders.Select(f => new FunderMatch(f.Id, f.Name, domains.GetValueOrDefault(f.Id) ?? []))];
    }
}
