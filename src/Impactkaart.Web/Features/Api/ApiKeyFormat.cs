using Impactkaart.Web.Features.Accounts;

namespace Impactkaart.Web.Features.Api;

/// <summary>How an API key looks: "ik_" and 256 random bits, so it is recognisable in a config file or a leak scan.</summary>
public static class ApiKeyFormat
{
    public const string Start = "ik_";

    /// <summary>How many characters of the key the list shows: enough to tell keys apart, far too few to guess the rest.</summary>
    public const int PrefixLength = 10;

    public static string New() => Start + Tokens.New();

    public static string PrefixOf(string key) => key[..Math.Min(PrefixLength, key.Length)];
}

/// <summary>The audit codes of API keys (described in AuditDescriptions).</summary>
public static class ApiKeyAudit
{
    public const string Created = "apikey.created";
    public const string Revoked = "apikey.revoked";
}
