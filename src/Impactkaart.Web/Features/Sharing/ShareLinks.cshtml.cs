using Impactkaart.Web.Data;
using Impactkaart.Web.Features.Accounts;
using Impactkaart.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Impactkaart.Web.Features.Sharing;

/// <summary>One share link as its project's page lists it.</summary>
public sealed record ShareLinkRow(Guid Id, string Label, DateTime CreatedAt, string CreatedBy, DateTime? ExpiresAt, DateTime? RevokedAt);

/// <summary>
/// The share links of one project: make a read-only link for a funder (optionally with a label and an end date),
/// see who made which link and whether it still works, and revoke one. The full link is shown once, right after
/// it is made; only its hash is stored. Another organisation's project is "not found".
/// </summary>
[Authorize]
public sealed class ShareLinksModel(ImpactkaartDb db, CurrentMember current, Audit audit, TimeProvider clock, RequestLanguage language)
    : AccountPage(language)
{
    public Project Project { get; private set; } = null!;

    public IReadOnlyList<ShareLinkRow> Links { get; private set; } = [];

    /// <summary>The link just made, in full: shown this once.</summary>
    public string? NewLink { get; private set; }

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var member = await current.RequireAsync(cancellationToken);
        if (!await LoadAsync(id, member, cancellationToken))
        {
            return NotFound();
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var member = await current.RequireAsync(cancellationToken);
        if (!await LoadAsync(id, member, cancellationToken))
        {
            return NotFound();
        }
        var label = Posted("label") ?? "";
        var expiryText = Posted("verloopt") ?? "";
        if (label.Length > 200)
        {
            Error("label", "Houd de omschrijving korter dan 200 tekens.", "Keep the description under 200 characters.");
        }
        DateOnly? expiry = null;
        if (expiryText.Length > 0)
        {
            expiry = DutchTime.ParseDate(expiryText);
            if (expiry is null)
            {
                Error("verloopt", "Vul de einddatum in als dd-mm-jjjj, bijvoorbeeld 31-12-2026, of laat het veld leeg.",
                    "Enter the end date as dd-mm-yyyy, for example 31-12-2026, or leave the field empty.");
            }
            else if (expiry < DutchTime.Today(clock))
            {
                Error("verloopt", "Kies een einddatum vanaf vandaag; een link die al verlopen is, werkt niet.",
                    "Choose an end date from today on; a link that has already expired does not work.");
            }
        }
        if (Errors.Count > 0)
        {
            return Invalid();
        }

        var token = Tokens.New();
        var link = new ShareLink
        {
            Id = Guid.CreateVersion7(), OrganisationId = member.OrganisationId, ProjectId = Project.Id, TokenHash = Tokens.Hash(token),
            Label = label, CreatedBy = member.Id, CreatedAt = Now, ExpiresAt = expiry is { } day ? DutchTime.EndOfDayUtc(day) : null,
        };
        db.ShareLinks.Add(link);
        audit.Add(member, member.OrganisationId, "share.created", Project.Name,
            (label.Length > 0 ? label : "zonder omschrijving") + (expiry is { } end ? ", geldig t/m " + end.ToString(DutchTime.DateFormat, System.Globalization.CultureInfo.InvariantCulture) : ", zonder einddatum"));
        await db.SaveChangesAsync(cancellationToken);
        NewLink = $"{Request.Scheme}://{Request.Host}/gedeeld/{token}";
        await LoadAsync(id, member, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, Guid link, CancellationToken cancellationToken)
    {
        var member = await current.RequireAsync(cancellationToken);
        if (!await LoadAsync(id, member, cancellationToken))
        {
            return NotFound();
        }
        var revoked = await db.ShareLinks.SingleOrDefaultAsync(
            s => s.Id == link && s.ProjectId == Project.Id && s.OrganisationId == member.OrganisationId, cancellationToken);
        if (revoked is null)
        {
            return NotFound();
        }
        if (revoked.RevokedAt is null)
        {
            revoked.RevokedAt = Now;
            audit.Add(member, member.OrganisationId, "share.revoked", Project.Name, revoked.Label.Length > 0 ? revoked.Label : "zonder omschrijving");
            await db.SaveChangesAsync(cancellationToken);
        }
        return Redirect($"/projecten/{Project.Id}/delen");
    }

    /// <summary>The project (of the member's organisation, not deleted) and its links, newest first; false when there is none.</summary>
    private async Task<bool> LoadAsync(Guid id, Member member, CancellationToken cancellationToken)
    {
        var project = await db.Projects.AsNoTracking()
            .SingleOrDefaultAsync(p => p.Id == id && p.OrganisationId == member.OrganisationId && p.DeletedAt == null, cancellationToken);
        if (project is null)
        {
            return false;
        }
        Project = project;
        Links = await (
            from s in db.ShareLinks.AsNoTracking()
            where s.ProjectId == id && s.OrganisationId == member.OrganisationId
            join m in db.Users.AsNoTracking() on s.CreatedBy equals m.Id into makers
            from m in makers.DefaultIfEmpty()
            orderby s.CreatedAt descending
            select new ShareLinkRow(s.Id, s.Label, s.CreatedAt, m == null ? "" : m.DisplayName, s.ExpiresAt, s.RevokedAt))
            .ToListAsync(cancellationToken);
        return true;
    }

    public string StateText(ShareLinkRow link) => ShareLinkStates.Of(link.ExpiresAt, link.RevokedAt, Now) switch
    {
        ShareLinkState.Revoked => Lang.T("ingetrokken", "revoked") + " " + DutchTime.Date(link.RevokedAt!.Value),
        ShareLinkState.Expired => Lang.T("verlopen", "expired"),
        _ => Lang.T("actief", "active"),
    };

    /// <summary>The last day the link works (the end is midnight after it, Dutch time).</summary>
    public string ExpiryText(ShareLinkRow link) => link.ExpiresAt is { } end
        ? Lang.T("t/m ", "until ") + DutchTime.Date(end.AddMinutes(-1))
        : Lang.T("geen einddatum", "no end date");
}
