using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Impactkaart.Web.Features.Api;

/// <summary>
/// What holds for every operation of the API and is therefore said once: the language parameter (ApiLanguage reads it
/// on every call, if only for a 429), and what each error status means here, in Dutch and English.
/// </summary>
public static class ApiDocsConventions
{
    public const string LanguageParameter = "taal";

    private static readonly Dictionary<string, string> Meanings = new(StringComparer.Ordinal)
    {
        ["400"] = "De invoer klopt niet: 'errors' noemt per veld wat er mis is. / The input is not valid: 'errors' names what is wrong per field.",
        ["401"] = "Geen, een onbekende of een ingetrokken API-sleutel. / No, an unknown or a revoked API key.",
        ["403"] = "Deze sleutel mag alleen lezen; aanmaken en opslaan vraagt een sleutel met 'lezen en schrijven'. Onder /api/v1/funder: de organisatie van de sleutel is geen financier. / "
            + "This key may only read; creating and saving needs a key with 'read and write'. Under /api/v1/funder: the key's organisation is not a funder.",
        ["404"] = "Uw organisatie heeft geen project met dit id, of het is verwijderd; onder /api/v1/funder: geen verbonden project met dit id. / "
            + "Your organisation has no project with this id, or it was deleted; under /api/v1/funder: no connected project with this id.",
        ["409"] = "Iemand anders heeft intussen opgeslagen: 'currentRevision', 'savedBy' en 'savedAt' zeggen wie en wanneer. / Someone else saved in between: 'currentRevision', 'savedBy' and 'savedAt' say who and when.",
        ["413"] = "De aanvraag is te groot. / The request is too large.",
        ["415"] = "Verkeerd type inhoud: stuur JSON met 'Content-Type: application/json'. / Unsupported content type: send JSON with 'Content-Type: application/json'.",
        ["428"] = "Revisie ontbreekt: stuur If-Match: \"<revisie>\" of het veld 'revision'. / Revision required: send If-Match: \"<revision>\" or the field 'revision'.",
        ["429"] = "Te veel aanvragen deze minuut (per sleutel, of per adres zonder sleutel). / Too many requests this minute (per key, or per address without a key).",
        ["503"] = "Opslaan lukt nu niet; er is niets veranderd. / Saving is not possible now; nothing changed.",
    };

    private static readonly Dictionary<string, (string Name, string Description, JsonSchemaType Type)> Headers = new(StringComparer.Ordinal)
    {
        ["401"] = ("WWW-Authenticate", $"{ApiKeyProblems.BearerChallenge}: stuur een sleutel. / send a key.", JsonSchemaType.String),
        ["429"] = (ApiProblems.RetryAfter, "Na hoeveel seconden u het opnieuw kunt proberen. / After how many seconds you can try again.", JsonSchemaType.Integer),
    };

    public static OpenApiOptions AddApiConventions(this OpenApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = LanguageParameter,
                In = ParameterLocation.Query,
                Description = "Taal van de teksten en foutmeldingen: nl (standaard) of en; gaat voor Accept-Language. / "
                    + "Language of texts and error messages: nl (default) or en; takes precedence over Accept-Language.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create("nl"), JsonValue.Create("en")], Default = JsonValue.Create("nl") },
            });
            foreach (var (status, response) in operation.Responses ?? [])
            {
                if (response is not OpenApiResponse described)
                {
                    continue;
                }
                if (Meanings.TryGetValue(status, out var meaning))
                {
                    described.Description = meaning;
                }
                if (Headers.TryGetValue(status, out var header))
                {
                    described.Headers ??= new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal);
                    described.Headers[header.Name] = new OpenApiHeader { Description = header.Description, Schema = new OpenApiSchema { Type = header.Type } };
                }
            }
            return Task.CompletedTask;
        });
        return options;
    }
}
