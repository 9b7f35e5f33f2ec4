using Impactkaart.Web.Data;
using Impactkaart.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Impactkaart.Web.Features.Api;

/// <summary>The organisation and scope an API key gives (the key's row, read fresh for every call).</summary>
public sealed record ApiCaller(Guid KeyId, Guid OrganisationId, string Scope, string KeyName, Guid CreatedBy)
{
    public bool MayWrite => Scope == ApiKey.ReadWrite;

    /// <summary>Who a save through this key is written as: the key's name (versions, audit log), under the admin who made it.</summary>
    public Member AsMember() => new() { Id = CreatedBy, OrganisationId = OrganisationId, DisplayName = "API-sleutel " + KeyName, Role = MemberRole.Member };

    public static ApiCaller Of(HttpContext context) =>
        context?.Items[typeof(ApiCaller)] as ApiCaller ?? throw new InvalidOperationException("ApiKeyFilter did not run for this endpoint.");
}

/// <summary>
/// API-key authentication for the project endpoints, as an endpoint filter rather than an authentication scheme:
/// the cookie sign-in of the pages stays untouched, and nothing here can ever redirect to /inloggen.
/// "Authorization: Bearer ik_…" or "X-Api-Key: ik_…"; the key is looked up by its SHA-256 hash. A read-only key
/// may only GET.
/// </summary>
public sealed class ApiKeyFilter(ImpactkaartDb db, TimeProvider clock) : IEndpointFilter
{
    /// <summary>The header that carries the key when a client cannot send Authorization: Bearer.</summary>
    public const string HeaderName = "X-Api-Key";

    /// <summary>Last use is written at most once a minute per key, so a busy integration does not write on every read.</summary>
    private static readonly TimeSpan LastUseResolution = TimeSpan.FromMinutes(1);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var given = Presented(http.Request);
        if (string.IsNullOrEmpty(given))
        {
            return ApiKeyProblems.Unauthorized(http, new("Stuur uw API-sleutel mee: 'Authorization: Bearer <sleutel>' of 'X-Api-Key: <sleutel>'.",
                "Send your API key: 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'."));
        }
        var hash = Tokens.Hash(given);
        var key = await db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.KeyHash == hash, http.RequestAborted);
        if (key is null)
        {
            return ApiKeyProblems.Unauthorized(http, new("Deze API-sleutel bestaat niet. Controleer of u hem helemaal heeft gekopieerd.",
                "This API key does not exist. Check that you copied all of it."));
        }
        if (key.RevokedAt is not null)
        {
            return ApiKeyProblems.Unauthorized(http, new("Deze API-sleutel is ingetrokken. Vraag een beheerder om een nieuwe.",
                "This API key has been revoked. Ask an admin for a new one."));
        }
        var caller = new ApiCaller(key.Id, key.OrganisationId, key.Scope, key.Name, key.CreatedBy);
        if (!caller.MayWrite && !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method))
        {
            return ApiKeyProblems.ReadOnly(ApiLanguage.Of(http.Request));
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (key.LastUsedAt is not { } used || now - used >= LastUseResolution)
        {
            await db.ApiKeys.Where(k => k.Id == key.Id).ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), http.RequestAborted);
        }
        http.Items[typeof(ApiCaller)] = caller;
        return await next(context);
    }

    /// <summary>The key a request presents (Bearer or X-Api-Key), or an empty text; not yet checked.</summary>
    internal static string? Presented(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return authorization["Bearer ".Length..].Trim();
        }
        return request.Headers[HeaderName].ToString().Trim();
    }
}

/// <summary>Marks an endpoint as needing an organisation's API key, so the OpenAPI document can say so (ApiDocsSecurity).</summary>
public sealed class ApiKeyRequirement
{
    public static readonly ApiKeyRequirement Instance = new();

    private ApiKeyRequirement()
    {
    }
}

public static class ApiKeyEndpoints
{
    /// <summary>
    /// The key check and its mention in the document come from one call, so an endpoint that checks a key always
    /// documents it, and an endpoint documented as needing one always checks it.
    /// </summary>
    public static RouteGroupBuilder RequireApiKey(this RouteGroupBuilder group)
    {
        group.AddEndpointFilter<ApiKeyFilter>().WithMetadata(ApiKeyRequirement.Instance);
        return group.ProducesProblem(StatusCodes.Status401Unauthorized);
    }
}
