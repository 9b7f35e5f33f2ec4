using Impactkaart.Engine;
using Impactkaart.Engine.Calculation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Impactkaart.Web.Features.Api;

/// <summary>
/// The language of an API call: <c>Accept-Language</c> (the first of "nl" or "en" by preference), or "?taal=en" as on
/// the site; Dutch by default. Programs rarely send cookies, so the site's language cookie is not read here.
/// </summary>
public static class ApiLanguage
{
    public static Language Of(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var asked = request.Query["taal"].ToString();
        if (asked is "en" or "nl")
        {
            return asked == "en" ? Language.En : Language.Nl;
        }
        var accepted = request.GetTypedHeaders().AcceptLanguage;
        foreach (var value in accepted.OrderByDescending(v => v.Quality ?? 1))
        {
            var tag = value.Value.ToString();
            if (tag.StartsWith("en", StringComparison.OrdinalIgnoreCase))
            {
                return Language.En;
            }
            if (tag.StartsWith("nl", StringComparison.OrdinalIgnoreCase))
            {
                return Language.Nl;
            }
        }
        return Language.Nl;
    }
}

/// <summary>
/// Problem details (RFC 9457, application/problem+json) for every API error, with a title and detail in the caller's
/// language and, for bad input, <c>errors</c> per field under the engine's field names ("participants", "costs.staff").
/// </summary>
public static class ApiProblems
{
    /// <summary>Bad input: 400 with the messages per field.</summary>
    public static ValidationProblem Invalid(IEnumerable<FieldError> errors, Language language)
    {
        var byField = errors
            .GroupBy(e => e.Field, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.ForTyping[language]).Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
        return TypedResults.ValidationProblem(byField,
            title: T(language, "De invoer klopt niet", "The input is not valid"),
            detail: T(language, "Eén of meer velden hebben een waarde die niet gebruikt kan worden; zie 'errors' per veld.",
                "One or more fields have a value that cannot be used; see 'errors' per field."));
    }

    public static ProblemHttpResult TooLarge(Language language, int limit) => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: T(language, "De aanvraag is te groot", "The request is too large"),
        detail: T(language, $"Stuur hooguit {limit / 1024} kB per aanvraag.", $"Send at most {limit / 1024} kB per request."));

    public static ProblemHttpResult WrongContentType(Language language, string? given) => TypedResults.Problem(
        statusCode: StatusCodes.Status415UnsupportedMediaType,
        title: T(language, "Verkeerd type inhoud", "Unsupported content type"),
        detail: T(language, $"Stuur JSON met de header 'Content-Type: application/json' (nu: '{given ?? "geen"}').",
            $"Send JSON with the header 'Content-Type: application/json' (now: '{given ?? "none"}')."));

    public static ProblemHttpResult TooManyRequests(Language language, TimeSpan? retryAfter)
    {
        var seconds = (int)Math.Ceiling((retryAfter ?? TimeSpan.FromMinutes(1)).TotalSeconds);
        return TypedResults.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: T(language, "Te veel aanvragen", "Too many requests"),
            detail: T(language, $"U heeft de grens van het aantal aanvragen per minuut bereikt. Probeer het over {seconds} seconden opnieuw.",
                $"You have reached the limit of requests per minute. Try again in {seconds} seconds."));
    }

    /// <summary>An address under /api that no endpoint answers (a misspelt path, an id that is not an id).</summary>
    public static ProblemHttpResult NoSuchAddress(Language language, string path) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: T(language, "Dit adres bestaat niet in de API", "This address does not exist in the API"),
        detail: T(language, $"Er is geen API-adres '{path}'. Alle adressen staan in /api/v1/openapi.json.",
            $"There is no API address '{path}'. All addresses are listed in /api/v1/openapi.json."));

    /// <summary>A known address called with a method it does not answer (DELETE on compute); <paramref name="allowed"/> is also the Allow header.</summary>
    public static ProblemHttpResult MethodNotAllowed(Language language, string method, string path, IReadOnlyCollection<string> allowed)
    {
        var methods = string.Join(", ", allowed);
        return TypedResults.Problem(
            statusCode: StatusCodes.Status405MethodNotAllowed,
            title: T(language, "Deze methode kan niet op dit adres", "This method is not allowed at this address"),
            detail: T(language, $"'{method}' kan niet op '{path}'. Dit adres kent: {methods}.",
                $"'{method}' is not allowed on '{path}'. This address allows: {methods}."));
    }

    /// <summary>
    /// An error that no endpoint answered itself (an unexpected failure, a query value of the wrong type, a body over
    /// the server's limit), for the error page to give API callers instead of HTML. Never says more than the status.
    /// </summary>
    public static ProblemHttpResult Unhandled(Language language, int status) => status switch
    {
        StatusCodes.Status400BadRequest => TypedResults.Problem(statusCode: status,
            title: T(language, "De aanvraag klopt niet", "The request is not valid"),
            detail: T(language, "Een waarde in het adres of de inhoud heeft niet de goede vorm (bijvoorbeeld tekst waar een getal hoort). Alle adressen en velden staan in /api/v1/openapi.json.",
                "A value in the address or the body does not have the right form (for example text where a number belongs). All addresses and fields are listed in /api/v1/openapi.json.")),
        StatusCodes.Status413PayloadTooLarge => TypedResults.Problem(statusCode: status,
            title: T(language, "De aanvraag is te groot", "The request is too large"),
            detail: T(language, "De inhoud is groter dan de server aanneemt.", "The body is larger than the server accepts.")),
        >= 500 => TypedResults.Problem(statusCode: status,
            title: T(language, "Er ging iets mis bij de Impactkaart", "Something went wrong at the Impactkaart"),
            detail: T(language, "Dit ligt niet aan uw aanvraag. Probeer het later opnieuw; blijft het gebeuren, meld het dan.",
                "This is not caused by your request. Try again later; if it keeps happening, please report it.")),
        _ => TypedResults.Problem(statusCode: status),
    };

    /// <summary>The media type of every problem response, for the OpenAPI description.</summary>
    public const string MediaType = "application/problem+json";

    /// <summary>Writes a problem outside an endpoint (the rate limiter), as the endpoints' results do.</summary>
    public static Task WriteAsync(HttpContext context, IResult problem)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(problem);
        return problem.ExecuteAsync(context);
    }

    private static string T(Language language, string nl, string en) => language == Language.En ? en : nl;

    /// <summary>The header name of the wait time after a 429.</summary>
    public static readonly string RetryAfter = HeaderNames.RetryAfter;
}
