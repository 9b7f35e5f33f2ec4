using System.Security.Cryptography;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Impactkaart.Web.Features.Api;

/// <summary>
/// The OpenAPI document of /api/v1 (at /api/v1/openapi.json) and a browsable reference (Scalar, at /api/docs), both
/// served by the app itself: Scalar's script comes from the app, its fonts from the CDN are switched off.
/// </summary>
public static class ApiDocs
{
    public const string DocumentPath = ApiEndpoints.Prefix + "/openapi.json";

    public const string ReferencePath = "/api/docs";

    public static IServiceCollection AddApiDocs(this IServiceCollection services) =>
        services.AddOpenApi("v1", options =>
        {
            // Only the API: the site's pages and downloads are not part of the contract.
            options.ShouldInclude = description => ("/" + description.RelativePath).StartsWith(ApiEndpoints.Prefix + "/", StringComparison.Ordinal);
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Impactkaart API",
                    Version = "v1",
                    Description = "Reken een impactkaart uit, lees het model en werk met de projecten van een organisatie. Elke fout is een "
                        + "problem-details-antwoord (RFC 9457) dat het veld noemt. Taal: Accept-Language (nl standaard, en). / "
                        + "Compute an impact map, read the model and work with an organisation's projects. Every error is a problem-details "
                        + "answer (RFC 9457) naming the field. Language: Accept-Language (nl default, en).",
                };
                // Relative to the document, never the request's Host header (which a client chooses).
                document.Servers = [new OpenApiServer { Url = "/" }];
                return Task.CompletedTask;
            });
            options.AddApiKeySecurity().AddApiConventions();
        });

    public static void MapApiDocs(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi(DocumentPath);
        app.MapScalarApiReference(ReferencePath, (options, context) =>
        {
            // A fresh nonce per page: the reference's own inline start-up script runs, nothing injected does.
            var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)); // hex: nothing for the page to escape
            context.Items[NonceKey] = nonce;
            options.WithTitle("Impactkaart API")
                .WithOpenApiRoutePattern(DocumentPath)
                .WithNonce(nonce)
                .DisableDefaultFonts()
                .DisableTelemetry()
                .DisableAgent()
                .DisableMcp();
        });
    }

    /// <summary>
    /// The reference page needs a little more than the site's policy: its start-up script (by nonce) and the styles it
    /// injects at run time. Only under /api/docs; everything else keeps the site's policy.
    /// </summary>
    public static IApplicationBuilder UseApiDocsSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments(ReferencePath, StringComparison.Ordinal))
            {
                await next(context);
                return;
            }
            context.Response.OnStarting(() =>
            {
                var nonce = context.Items[NonceKey] as string;
                var script = nonce is null ? "'self'" : $"'self' 'nonce-{nonce}'";
                context.Response.Headers.ContentSecurityPolicy =
                    $"default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src {script}; form-action 'self'; frame-ancestors 'none'; base-uri 'self'";
                return Task.CompletedTask;
            });
            await next(context);
        });

    private const string NonceKey = "api-docs-nonce";
}
