namespace Impactkaart.Web.Features.Accounts;

/// <summary>
/// Absolute links for emails. With <c>Mail:LinkBase</c> set (the site's public address, e.g.
/// https://impactkaart.example.nl) links always point there, so a forged Host header cannot send a reset link to
/// someone else's site; without it, the address of the request itself (fine on localhost and behind a proxy that
/// checks the host).
/// </summary>
public static class Links
{
    public static string Absolute(HttpRequest request, IConfiguration configuration, string pathAndQuery)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(configuration);
        var linkBase = configuration["Mail:LinkBase"] is { Length: > 0 } configured
            ? configured.TrimEnd('/')
            : $"{request.Scheme}://{request.Host}{request.PathBase}";
        return linkBase + pathAndQuery;
    }
}
