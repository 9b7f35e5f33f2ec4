using Impactkaart.Web.Data;
using Impactkaart.Web.Features.Accounts;
using Impactkaart.Web.Features.Api;
using Impactkaart.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Impactkaart.Web.Features.OrganisationAdmin;

/// <summary>
/// The organisation's API keys, for its admins: make one (name and scope; the key is shown once, only its hash is
/// kept), see them all with their status and last use, revoke one. A revoked key gets 401 from the API at once.
/// </summary>
public sealed class ApiKeysModel(ImpactkaartDb db, CurrentMember current, Audit audit, TimeProvider clock, RequestLanguage language)
    : AccountPage(language)
{
    public IReadOnlyList<ApiKey> Keys { get; private set; } = [];

    /// <summary>The full key just made: shown on this one response and never again.</summary>
    public string? NewKey { get; private set; }

    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? gedaan, CancellationToken cancellationToken)
    {
        if (await AdminAsync(cancellationToken) is not { } me)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        Done = gedaan;
        await LoadAsync(me, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        if (await AdminAsync(cancellationToken) is not { } me)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        var name = Posted("naam") ?? "";
        var scope = Posted("bereik");
        if (name.Length == 0)
        {
            Error("naam", "Geef de sleutel een naam, bijvoorbeeld het systeem dat hem gebruikt.", "Give the key a name, for example the system that uses it.");
        }
        else if (name.Length > 200)
        {
            Error("naam", "De naam is te lang: hoogstens 200 tekens.", "The name is too long: at most 200 characters.");
        }
        if (scope is not (ApiKey.Read or ApiKey.ReadWrite))
        {
            Error("bereik", "Kies wat de sleutel mag: alleen lezen, of lezen en schrijven.", "Choose what the key may do: read only, or read and write.");
        }
        if (Errors.Count > 0)
        {
            await LoadAsync(me, cancellationToken);
            return Invalid();
        }

        var key = ApiKeyFormat.New();
        db.ApiKeys.Add(new ApiKey
        {
            Id = Guid.CreateVersion7(), OrganisationId = me.OrganisationId, Name = name, Prefix = ApiKeyFormat.PrefixOf(key),
            KeyHash = Tokens.Hash(key), Scope = scope!, CreatedBy = me.Id, CreatedByName = me.DisplayName,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        audit.Add(me, me.OrganisationId, ApiKeyAudit.Created, name, "Bereik: " + scope);
        await db.SaveChangesAsync(cancellationToken);

        // Not a redirect: the key exists only in this response, so a reload or the browser history cannot show it again.
        NewKey = key;
        await LoadAsync(me, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid sleutel, CancellationToken cancellationToken)
    {
        if (await AdminAsync(cancellationToken) is not { } me)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == sleutel && k.OrganisationId == me.OrganisationId, cancellationToken);
        if (key is null)
        {
            return NotFound();
        }
        if (key.RevokedAt is null)
        {
            key.RevokedAt = clock.GetUtcNow().UtcDateTime;
            audit.Add(me, me.OrganisationId, ApiKeyAudit.Revoked, key.Name, key.Prefix + "…");
            await db.SaveChangesAsync(cancellationToken);
        }
        return Redirect("/organisatie/api-sleutels?gedaan=ingetrokken");
    }

    public string? DoneMessage => Done switch
    {
        "ingetrokken" => Lang.T("De sleutel is ingetrokken; de API weigert hem vanaf nu.", "The key has been revoked; the API refuses it from now on."),
        _ => null,
    };

    public string ScopeName(string scope) => scope == ApiKey.ReadWrite
        ? Lang.T("Lezen en schrijven", "Read and write")
        : Lang.T("Alleen lezen", "Read only");

    /// <summary>The signed-in member when an admin (the same rule as member management), else null for the 403 page.</summary>
    private async Task<Member?> AdminAsync(CancellationToken cancellationToken)
    {
        var me = await current.RequireAsync(cancellationToken);
        return me.Role == MemberRole.Admin ? me : null;
    }

    private async Task LoadAsync(Member me, CancellationToken cancellationToken) =>
        Keys = await db.ApiKeys.AsNoTracking()
            .Where(k => k.OrganisationId == me.OrganisationId)
            .OrderBy(k => k.RevokedAt != null).ThenByDescending(k => k.CreatedAt)
            .ToListAsync(cancellationToken);
}
