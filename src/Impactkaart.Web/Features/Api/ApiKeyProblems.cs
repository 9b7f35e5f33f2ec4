using Impactkaart.Engine;
using Impactkaart.Web.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Impactkaart.Web.Features.Api;

/// <summary>
/// The problem details (RFC 9457) of the project endpoints, in the caller's language (<see cref="ApiLanguage"/>:
/// Dutch by default, English with Accept-Language: en), as every other API problem. The language comes from the
/// request alone, so even a call without a valid key gets its 401 in the language it asked for.
/// </summary>
public static class ApiKeyProblems
{
    public const string BearerChallenge = "Bearer realm=\"impactkaart\"";

    public static ProblemHttpResult Unauthorized(HttpContext context, Text detail)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(detail);
        context.Response.Headers.WWWAuthenticate = BearerChallenge;
        var language = ApiLanguage.Of(context.Request);
        return Problem(StatusCodes.Status401Unauthorized, new Text("Geen geldige API-sleutel", "No valid API key")[language], detail[language]);
    }

    public static ProblemHttpResult ReadOnly(Language language) => Problem(StatusCodes.Status403Forbidden, language,
        new("Deze sleutel mag alleen lezen", "This key may only read"),
        new("Voor aanmaken en opslaan is een sleutel met 'lezen en schrijven' nodig; een beheerder maakt die op /organisatie/api-sleutels.",
            "Creating and saving needs a key with 'read and write'; an admin makes one at /organisatie/api-sleutels."));

    public static ProblemHttpResult NotFound(Language language, Guid id) => Problem(StatusCodes.Status404NotFound, language,
        new("Project niet gevonden", "Project not found"),
        new($"Uw organisatie heeft geen project met id {id} (of het is verwijderd).", $"Your organisation has no project with id {id} (or it was deleted)."));

    public static ProblemHttpResult Stale(Language language, int given, Project current, ProjectVersion? newest)
    {
        ArgumentNullException.ThrowIfNull(current);
        var who = newest is null ? "" : $" {newest.SavedByName} ({newest.SavedAt:yyyy-MM-dd HH:mm} UTC)";
        var problem = Problem(StatusCodes.Status409Conflict, language,
            new("Iemand anders heeft intussen opgeslagen", "Someone else saved in between"),
            new($"U werkte op revisie {given}, maar het project is nu bij revisie {current.Revision}: opgeslagen door{who}. Haal het project opnieuw op en stuur uw wijziging met de nieuwe revisie.",
                $"You worked on revision {given}, but the project is now at revision {current.Revision}: saved by{who}. Fetch the project again and send your change with the new revision."));
        problem.ProblemDetails.Extensions["currentRevision"] = current.Revision;
        if (newest is not null)
        {
            problem.ProblemDetails.Extensions["savedBy"] = newest.SavedByName;
            problem.ProblemDetails.Extensions["savedAt"] = newest.SavedAt;
        }
        return problem;
    }

    public static ProblemHttpResult RevisionRequired(Language language) => Problem(StatusCodes.Status428PreconditionRequired, language,
        new("Revisie ontbreekt", "Revision required"),
        new("Stuur de revisie waarop uw wijziging is gebaseerd: de kopregel If-Match: \"<revisie>\" of het veld 'revision'. Zo overschrijft u nooit ongemerkt het werk van een collega.",
            "Send the revision your change is based on: the header If-Match: \"<revision>\" or the field 'revision'. That way you never overwrite a colleague's work unnoticed."));

    public static ProblemHttpResult StorageFull(Language language) => Problem(StatusCodes.Status503ServiceUnavailable, language,
        new("Opslaan lukt nu niet", "Saving is not possible now"),
        new("De opslag is vol; er is niets veranderd. Probeer het later opnieuw.", "The storage is full; nothing changed. Try again later."));

    private static ProblemHttpResult Problem(int status, Language language, Text title, Text detail) =>
        Problem(status, title[language], detail[language]);

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);
}
