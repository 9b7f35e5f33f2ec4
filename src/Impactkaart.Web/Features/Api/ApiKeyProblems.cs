using Impactkaart.Web.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Impactkaart.Web.Features.Api;

/// <summary>
/// The problem details (RFC 9457) of the project endpoints. The key problems name the cause in Dutch and English
/// at once: the caller is a program whose developer may read either, and no language can be chosen before the key is known.
/// </summary>
public static class ApiKeyProblems
{
    public const string BearerChallenge = "Bearer realm=\"impactkaart\"";

    public static ProblemHttpResult Unauthorized(HttpContext context, string nl, string en)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Headers.WWWAuthenticate = BearerChallenge;
        return Problem(StatusCodes.Status401Unauthorized, "Geen geldige API-sleutel / No valid API key", $"{nl} / {en}");
    }

    public static ProblemHttpResult ReadOnly() => Problem(StatusCodes.Status403Forbidden,
        "Deze sleutel mag alleen lezen / This key may only read",
        "Voor aanmaken en opslaan is een sleutel met 'lezen en schrijven' nodig; een beheerder maakt die op /organisatie/api-sleutels. / "
        + "Creating and saving needs a key with 'read and write'; an admin makes one at /organisatie/api-sleutels.");

    public static ProblemHttpResult NotFound(Guid id) => Problem(StatusCodes.Status404NotFound,
        "Project niet gevonden / Project not found",
        $"Uw organisatie heeft geen project met id {id} (of het is verwijderd). / Your organisation has no project with id {id} (or it was deleted).");

    public static ProblemHttpResult Stale(int given, Project current, ProjectVersion? newest)
    {
        ArgumentNullException.ThrowIfNull(current);
        var who = newest is null ? "" : $" {newest.SavedByName} ({newest.SavedAt:yyyy-MM-dd HH:mm} UTC)";
        var problem = Problem(StatusCodes.Status409Conflict,
            "Iemand anders heeft intussen opgeslagen / Someone else saved in between",
            $"U werkte op revisie {given}, maar het project is nu bij revisie {current.Revision}: opgeslagen door{who}. Haal het project opnieuw op en stuur uw wijziging met de nieuwe revisie. / "
            + $"You worked on revision {given}, but the project is now at revision {current.Revision}: saved by{who}. Fetch the project again and send your change with the new revision.");
        problem.ProblemDetails.Extensions["currentRevision"] = current.Revision;
        if (newest is not null)
        {
            problem.ProblemDetails.Extensions["savedBy"] = newest.SavedByName;
            problem.ProblemDetails.Extensions["savedAt"] = newest.SavedAt;
        }
        return problem;
    }

    public static ProblemHttpResult RevisionRequired() => Problem(StatusCodes.Status428PreconditionRequired,
        "Revisie ontbreekt / Revision required",
        "Stuur de revisie waarop uw wijziging is gebaseerd: de kopregel If-Match: \"<revisie>\" of het veld 'revision'. Zo overschrijft u nooit ongemerkt het werk van een collega. / "
        + "Send the revision your change is based on: the header If-Match: \"<revision>\" or the field 'revision'. That way you never overwrite a colleague's work unnoticed.");

    public static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);
}
