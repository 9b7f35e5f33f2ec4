using System.Security.Cryptography;
using System.Text;

namespace Impactkaart.Web.Features.Accounts;

/// <summary>
/// Unguessable tokens for share links and invitations: 256 random bits, URL-safe. Only their SHA-256 hash is
/// stored, so a copy of the database does not hold working links.
/// </summary>
public static class Tokens
{
    public static string New() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token ?? "")));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
