using Impactkaart.Web.Data;

namespace Impactkaart.Web.Features.Sharing;

/// <summary>Whether a share link still opens its map.</summary>
public enum ShareLinkState
{
    Active,
    Expired,
    Revoked,
}

public static class ShareLinkStates
{
    /// <summary>Revoked wins over expired; a link without an end date stays active until it is revoked.</summary>
    public static ShareLinkState Of(DateTime? expiresAt, DateTime? revokedAt, DateTime now) =>
        revokedAt is not null ? ShareLinkState.Revoked
        : expiresAt is { } end && end <= now ? ShareLinkState.Expired
        : ShareLinkState.Active;

    public static ShareLinkState Of(ShareLink link, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(link);
        return Of(link.ExpiresAt, link.RevokedAt, now);
    }
}
