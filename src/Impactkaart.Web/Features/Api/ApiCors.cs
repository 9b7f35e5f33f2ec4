namespace Impactkaart.Web.Features.Api;

/// <summary>
/// Cross-origin use of the anonymous API. A municipality or a provider builds its own form on its own site from
/// the model, and computes maps from the visitor's browser: that browser only lets the page read our answers when
/// they say so (CORS). Any origin may, without cookies: these endpoints use none and hold nothing of anyone.
/// The endpoints that take an organisation's key stay closed to other sites' pages: a key belongs on a server, and a
/// page that holds one gives it to every visitor.
/// </summary>
public static class ApiCors
{
    public const string Policy = "api-anonymous";

    public static IServiceCollection AddApiCors(this IServiceCollection services) =>
        services.AddCors(options => options.AddPolicy(Policy, policy => policy
            .AllowAnyOrigin()
            .WithMethods(HttpMethods.Get, HttpMethods.Post)
            .WithHeaders("Content-Type", "Accept-Language", "If-None-Match")
            .WithExposedHeaders("ETag", ApiProblems.RetryAfter, BatchApi.ComputedHeader, BatchApi.BadRowsHeader)
            // A form asks the same preflight question on every change: let the browser keep the answer an hour.
            .SetPreflightMaxAge(TimeSpan.FromHours(1))));

    /// <summary>Opens an anonymous endpoint to pages on other sites.</summary>
    public static RouteHandlerBuilder AllowOtherSites(this RouteHandlerBuilder builder) => builder.RequireCors(Policy);
}
