using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Impactkaart.Web.Features.Api;

/// <summary>
/// The organisation's API key in the OpenAPI document: two schemes (ApiKeyFilter accepts either) and, on exactly the
/// endpoints marked by <see cref="ApiKeyEndpoints.RequireApiKey"/>, a requirement of one of them.
/// </summary>
public static class ApiDocsSecurity
{
    public const string BearerScheme = "apiKeyBearer";
    public const string HeaderScheme = "apiKeyHeader";
    private const string HeaderName = ApiKeyFilter.HeaderName;

    /// <summary>How to send the key, then where a key comes from: Dutch first, then English.</summary>
    private static string Described(string nl, string en) =>
        $"{nl} Een beheerder maakt, noemt en trekt sleutels in op /organisatie/api-sleutels; een sleutel mag 'lezen' (GET) of 'lezen en schrijven'. / "
        + $"{en} An admin creates, names and revokes keys at /organisatie/api-sleutels; a key may 'read' (GET) or 'read and write'.";

    public static OpenApiOptions AddApiKeySecurity(this OpenApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
            document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = ApiKeyFormat.Start + "…",
                Description = Described("De API-sleutel van uw organisatie in de kopregel 'Authorization: Bearer <sleutel>'.",
                    "Your organisation's API key in the header 'Authorization: Bearer <key>'."),
            };
            document.Components.SecuritySchemes[HeaderScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = HeaderName,
                Description = Described($"Dezelfde sleutel in de kopregel '{HeaderName}: <sleutel>'.", $"The same key in the header '{HeaderName}: <key>'."),
            };
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            if (context.Description.ActionDescriptor.EndpointMetadata.OfType<ApiKeyRequirement>().Any())
            {
                // Two requirements: either scheme is enough (OpenAPI reads the list as "one of").
                operation.Security =
                [
                    new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] },
                    new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(HeaderScheme, context.Document)] = [] },
                ];
            }
            return Task.CompletedTask;
        });
        return options;
    }
}
