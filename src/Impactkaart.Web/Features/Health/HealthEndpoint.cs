using Impactkaart.Web.Data;

namespace Impactkaart.Web.Features.Health;

/// <summary>
/// For a load balancer or monitoring: "ok" (200) when this instance can reach its database, else 503 with a plain
/// reason. Says nothing about any organisation's data, and needs no sign-in.
/// </summary>
public static class HealthEndpoint
{
    public static void MapHealth(this IEndpointRouteBuilder app) =>
        app.MapGet("/gezondheid", async (ImpactkaartDb db, CancellationToken cancellationToken) =>
        {
            bool reachable;
            try
            {
                reachable = await db.Database.CanConnectAsync(cancellationToken);
            }
            catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
            {
                reachable = false;
            }
            return reachable
                ? Results.Text("ok\n", "text/plain; charset=utf-8")
                : Results.Text("database onbereikbaar (database unreachable)\n", "text/plain; charset=utf-8", statusCode: StatusCodes.Status503ServiceUnavailable);
        });
}
