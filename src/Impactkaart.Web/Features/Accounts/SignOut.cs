using Impactkaart.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace Impactkaart.Web.Features.Accounts;

/// <summary>Sign out: a form post (never a link, so another site cannot sign you out), back to the start page.</summary>
public static class SignOutEndpoint
{
    public static void MapSignOut(this IEndpointRouteBuilder app) =>
        app.MapPost("/uitloggen", async (SignInManager<Member> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.Redirect("/");
        }).WithMetadata(new Microsoft.AspNetCore.Antiforgery.RequireAntiforgeryTokenAttribute());
}
