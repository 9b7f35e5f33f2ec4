using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Impactkaart.Web.Features.Accounts;

/// <summary>
/// Absolute links for emails (password reset, invitation), never from the request's Host header, which anyone can
/// forge. The base is <c>Mail:LinkBase</c> (the site's public address, e.g. https://impactkaart.example.nl); without
/// it, on a developer's machine, the address the app itself listens on: when every listening address is loopback
/// (the default <c>dotnet run</c>: http://localhost:5000), or in the Development environment. Otherwise there is no
/// base: the caller refuses to send a link and the log names the setting.
/// </summary>
public sealed class Links(IConfiguration configuration, IHostEnvironment environment, IServer server, ILogger<Links> logger)
{
    public const string Setting = "Mail:LinkBase";

    /// <summary>Whether links can be made; when not, says in the log which setting to set.</summary>
    public bool CanLink => Absolute("/") is not null;

    /// <summary>Whether <c>Mail:LinkBase</c> is set, as it is on every installation that others use.</summary>
    public bool HasConfiguredBase => !string.IsNullOrWhiteSpace(configuration[Setting]);

    /// <summary>The absolute link to <paramref name="pathAndQuery"/> (starting with '/'), or null when no base is known.</summary>
    public string? Absolute(string pathAndQuery)
    {
        ArgumentNullException.ThrowIfNull(pathAndQuery);
        if (Base() is { } linkBase)
        {
            return linkBase + pathAndQuery;
        }
        logger.LogError("No link sent: the address for links in emails is not known. Set {Setting} to the site's public address, e.g. https://impactkaart.example.nl (environment variable Mail__LinkBase)", Setting);
        return null;
    }

    private string? Base()
    {
        if (configuration[Setting] is { Length: > 0 } configured)
        {
            return Uri.TryCreate(configured.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                ? uri.GetLeftPart(UriPartial.Path).TrimEnd('/')
                : null;
        }
        var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses
            .Select(a => Uri.TryCreate(a.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal), UriKind.Absolute, out var uri) ? uri : null)
            .OfType<Uri>()
            .ToList() ?? [];
        if (listening.Count > 0 && listening.All(IsLoopback))
        {
            return BaseOf(listening.FirstOrDefault(u => u.Scheme == "https") ?? listening[0]);
        }
        if (environment.IsDevelopment())
        {
            return listening.Count > 0 ? BaseOf(listening[0], wildcardAsLocalhost: true) : "http://localhost";
        }
        return null;
    }

    private static bool IsLoopback(Uri address) =>
        address.IsLoopback || (IPAddress.TryParse(address.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    private static string BaseOf(Uri address, bool wildcardAsLocalhost = false)
    {
        var host = address.Host.Trim('[', ']');
        var wildcard = IPAddress.TryParse(host, out var ip) && (ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any));
        var builder = new UriBuilder(address.Scheme, wildcard && wildcardAsLocalhost ? "localhost" : address.Host, address.Port);
        return builder.Uri.GetLeftPart(UriPartial.Authority);
    }
}
