using Impactkaart.Web.Data;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace Impactkaart.Web.Features.Accounts;

/// <summary>
/// Sign out: a form post with its anti-forgery token (never a link, so another site cannot sign you out), back to
/// the start page. It ends every session of the account, not only this browser's: the new security stamp makes
/// every earlier session cookie fail its next check (AccountsSetup validates the stamp on each request).
/// </summary>
public static class SignOutEndpoint
{
    public static void MapSignOut(this IEndpointRouteBuilder app) =>
        app.MapPost("/uitloggen", async (HttpContext context, SignInManager<Member> signIn) =>
        {
            // The anti-forgery middleware checks the token of a form post but refuses only when a form is bound; this
            // endpoint binds none, so it reads the middleware's verdict itself (absent when the post is not a form).
            if (context.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: true })
            {
                return Results.Problem(
                    statusCode: StatusCodes.Status400BadRequest,
                    title: "Het formulier is verlopen of ongeldig; laad de pagina opnieuw en log dan uit. (The form's token is missing or invalid.)");
            }
            if (context.User.Identity?.IsAuthenticated == true && await signIn.UserManager.GetUserAsync(context.User) is { } member)
            {
                await signIn.UserManager.UpdateSecurityStampAsync(member);
            }
            await signIn.SignOutAsync();
            return Results.Redirect("/");
        }).WithMetadata(new RequireAntiforgeryTokenAttribute());
}
