namespace Impactkaart.Web.Features.Shared;

/// <summary>
/// Coming back after signing in or registering: the menu's sign-in link that returns to the page the visitor is on,
/// "save this map" as the place to return to from a map, and the welcome a new organisation gets on landing.
/// Here, not in Accounts, because the layout and the welcome partial use it too.
/// </summary>
public static class SignInReturn
{
    /// <summary>TempData: the new organisation's name, for the welcome (_Welcome.cshtml) on the page its admin lands on.</summary>
    public const string WelcomeKey = "welkom";

    /// <summary>TempData: the new admin came from a map, which the landing page ("save this map") offers to save.</summary>
    public const string WelcomeWithMapKey = "welkom-kaart";

    /// <summary>Pages a sign-in link does not return to: the account pages themselves and the error page.</summary>
    private static readonly string[] NoReturnTo = ["/inloggen", "/registreren", "/wachtwoord-vergeten", "/wachtwoord-herstellen", "/uitnodiging", "/fout"];

    /// <summary>
    /// The menu's "sign in" link on <paramref name="request"/>'s page: back to that page afterwards (a wizard step with
    /// its answers, the methodology), except from the start page (projects come first then) and the account pages.
    /// </summary>
    public static string LinkFrom(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var here = request.Path + request.QueryString;
        var returnHere = request.Path.HasValue && request.Path != "/"
            && !NoReturnTo.Any(p => request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase))
            && ReturnAddress.IsLocal(here);
        return returnHere ? "/inloggen?terug=" + Uri.EscapeDataString(here) : "/inloggen";
    }

    /// <summary>Whether a return address is "save this map" with a map in it (then the account pages say the map is kept).</summary>
    public static bool LeadsToSaveMap(string? returnUrl) =>
        ReturnAddress.IsLocal(returnUrl) && returnUrl.StartsWith("/projecten/nieuw?", StringComparison.Ordinal);
}
