namespace Impactkaart.Web.Features.Api;

/// <summary>
/// The versioned JSON API under /api/v1: anonymous computation and the model (ComputeApi), an organisation's
/// projects by API key (ProjectsApi), a funder's portfolio by the funder's key (FunderApi), and batch computation over CSV and Excel (BatchApi). Each part maps its
/// own endpoints on the shared group.
/// </summary>
public static class ApiEndpoints
{
    public const string Prefix = "/api/v1";

    public static void MapApi(this IEndpointRouteBuilder app)
    {
        // The rate limit holds for every endpoint of the group, so its 429 is documented on all of them here.
        var v1 = app.MapGroup(Prefix).RequireRateLimiting(ApiRateLimitPolicy.Name).ProducesProblem(StatusCodes.Status429TooManyRequests);
        v1.MapComputeApi();
        v1.MapProjectsApi();
        v1.MapFunderApi();
        v1.MapBatchApi();

        // Anything else under /api is answered as the API answers (404, or 405 for a known path), not with the site's HTML page.
        app.MapFallback("/api/{**path}", ApiFallback.Answer).ExcludeFromDescription();
    }
}
