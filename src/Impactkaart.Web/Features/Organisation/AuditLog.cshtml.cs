using Impactkaart.Web.Data;
using Impactkaart.Web.Features.Accounts;
using Impactkaart.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Impactkaart.Web.Features.OrganisationAdmin;

/// <summary>The organisation's audit log for its admins: newest first, 50 entries a page.</summary>
public sealed class AuditLogModel(ImpactkaartDb db, CurrentMember current, RequestLanguage language) : AccountPage(language)
{
    public const int PageSize = 50;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public int PageNumber { get; private set; } = 1;

    public bool HasNext { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? pagina, CancellationToken cancellationToken)
    {
        var me = await current.RequireAsync(cancellationToken);
        if (me.Role != MemberRole.Admin)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        PageNumber = Math.Clamp(pagina ?? 1, 1, 1_000_000);
        // One more than a page tells whether there is a next page without counting the whole log.
        var rows = await db.AuditEntries.AsNoTracking()
            .Where(a => a.OrganisationId == me.OrganisationId)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize + 1)
            .ToListAsync(cancellationToken);
        HasNext = rows.Count > PageSize;
        Entries = rows.Take(PageSize).ToList();
        return Page();
    }
}
