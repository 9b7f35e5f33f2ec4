using Impactkaart.Web.Features.Accounts;

namespace Impactkaart.Web.Features.Api;

/// <summary>How an API key looks: "ik_" and 256 random bits, so it is recognisable in a config file or a leak scan.</summary>
public static class ApiKeyFormat
{
    public const string Start = "ik_";

    /// <summary>How many characters of the key the list shows: enough to tell keys apart, far too few to guess the rest.</summary>
    public const int PrefixLength = 10;

    public static string New() => Start + Tokens.New();

    /// <summary>"ik_" and 43 URL-safe base64 characters (32 bytes); anything else cannot be a key of ours.</summary>
    public static bool IsWellFormed([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? key) =>
        key is { Length: 46 } && key.StartsWith(Start, StringComparison.Ordinal)
        && key.AsSpan(Start.Length).IndexOfAnyExcept(KeyCharacters) < 0;

    private static readonly System.Buffers.SearchValues<char> KeyCharacters =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    public static string PrefixOf(string key) => key[..Math.Min(PrefixLength, key.Length)];
}

/// <summary>The audit codes of API keys (described in AuditDescriptions).</summary>
public static class ApiKeyAudit
{
    public const string Created = "apikey.created";
    public const string Revoked = "apikey.revoked";
}
