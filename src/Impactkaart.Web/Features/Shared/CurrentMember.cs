using System.Security.Claims;
using Impactkaart.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Impactkaart.Web.Features.Shared;

/// <summary>
/// The signed-in member of this request, read from the database once per request (not from the cookie alone), so
/// a removed member or a changed role takes effect at once on every app instance. Every query for an
/// organisation's data starts from <see cref="Member.OrganisationId"/>: that is how organisation A never sees B's data.
/// </summary>
public sealed class CurrentMember(IHttpContextAccessor accessor, ImpactkaartDb db)
{
    private Member? member;
    private bool loaded;
    private Organisation? organisation;

    /// <summary>The member, or null when nobody is signed in or the account was removed.</summary>
    public async Task<Member?> GetAsync(CancellationToken cancellationToken = default)
    {
        if (loaded)
        {
            return member;
        }
        loaded = true;
        var id = accessor.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (Guid.TryParse(id, out var memberId))
        {
            member = await db.Users.AsNoTracking()
                .SingleOrDefaultAsync(m => m.Id == memberId && m.RemovedAt == null, cancellationToken).ConfigureAwait(false);
        }
        return member;
    }

    /// <summary>The member's organisation (whether it runs projects, funds them, or both), or null when nobody is signed in.</summary>
    public async Task<Organisation?> OrganisationAsync(CancellationToken cancellationToken = default)
    {
        if (organisation is null && await GetAsync(cancellationToken).ConfigureAwait(false) is { } signedIn)
        {
            organisation = await db.Organisations.AsNoTracking()
                .SingleOrDefaultAsync(o => o.Id == signedIn.OrganisationId, cancellationToken).ConfigureAwait(false);
        }
        return organisation;
    }

    /// <summary>The member, for pages that require one (the folder conventions already demand a sign-in).</summary>
    public async Task<Member> RequireAsync(CancellationToken cancellationToken = default) =>
        await GetAsync(cancellationToken).ConfigureAwait(false)
        ?? throw new InvalidOperationException("No signed-in member; the page should have required authorisation.");
}

/// <summary>A session whose member was removed ends at the next page, on whichever app instance.</summary>
public sealed class RemovedMemberFilter(CurrentMember current, Microsoft.AspNetCore.Identity.SignInManager<Member> signIn) : Microsoft.AspNetCore.Mvc.Filters.IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context, Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.HttpContext.User.Identity?.IsAuthenticated == true && await current.GetAsync(context.HttpContext.RequestAborted) is null)
        {
            await signIn.SignOutAsync();
            context.Result = new Microsoft.AspNetCore.Mvc.RedirectResult("/inloggen");
            return;
        }
        await next();
    }
}
