using System.Threading.RateLimiting;
using Impactkaart.Web.Features.Accounts;
using Microsoft.AspNetCore.RateLimiting;

namespace Impactkaart.Web.Features.Api;

/// <summary>Requests per minute for the API (settings Api:RateLimit:Anonymous and Api:RateLimit:PerKey).</summary>
public sealed class ApiRateLimitOptions
{
    public const string Section = "Api:RateLimit";

    /// <summary>Per client address, for calls without an API key.</summary>
    public int Anonymous { get; set; } = 120;

    /// <summary>Per API key, whoever calls with it.</summary>
    public int PerKey { get; set; } = 600;
}

/// <summary>
/// The API's rate limit: one fixed window per minute per API key (the hash of the bearer value, so the key itself
/// is never kept in memory as a partition name) and per client address for everything else. A key earns its own
/// allowance only once it is verified (well formed, known, not revoked): an invented or revoked key is counted with
/// the caller's address, so making up keys never buys more calls; the keyed endpoints then answer it 401.
/// </summary>
public sealed class ApiRateLimitPolicy(Microsoft.Extensions.Options.IOptions<ApiRateLimitOptions> options) : IRateLimiterPolicy<string>
{
    public const string Name = "api";

    private readonly ApiRateLimitOptions limits = options.Value;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var key = ApiKeyFilter.Presented(httpContext.Request);
        var (partition, limit) = IsValidKey(httpContext, key)
            ? ("key:" + Tokens.Hash(key!), limits.PerKey)
            : ("address:" + (httpContext.Connection.RemoteIpAddress?.ToString() ?? "?"), limits.Anonymous);
        return RateLimitPartition.GetFixedWindowLimiter(partition, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, limit),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
    }

    /// <summary>
    /// Whether <paramref name="key"/> is a live key of some organisation. A malformed key costs no query; a well-formed
    /// one costs one indexed lookup by its hash (the limiter asks synchronously, before the endpoint's own check).
    /// </summary>
    private static bool IsValidKey(HttpContext httpContext, string? key)
    {
        if (!ApiKeyFormat.IsWellFormed(key))
        {
            return false;
        }
        var hash = Tokens.Hash(key);
        var db = httpContext.RequestServices.GetRequiredService<Impactkaart.Web.Data.ImpactkaartDb>();
        return db.ApiKeys.Any(k => k.KeyHash == hash && k.RevokedAt == null);
    }

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = async (rejected, _) =>
    {
        var context = rejected.HttpContext;
        TimeSpan? wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : null;
        context.Response.Headers[ApiProblems.RetryAfter] = ((int)Math.Ceiling((wait ?? TimeSpan.FromMinutes(1)).TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await ApiProblems.WriteAsync(context, ApiProblems.TooManyRequests(ApiLanguage.Of(context.Request), wait));
    };
}

/// <summary>Wires the API's rate limit into the app's limiter.</summary>
public static class ApiRateLimit
{
    /// <summary>Registers the policy and its settings, next to the limiter's other (account) limits.</summary>
    public static IServiceCollection AddApiRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ApiRateLimitOptions>(configuration.GetSection(ApiRateLimitOptions.Section));
        services.Configure<RateLimiterOptions>(limiter => limiter.AddPolicy<string, ApiRateLimitPolicy>(ApiRateLimitPolicy.Name));
        return services;
    }
}
