namespace Impactkaart.Web.Features.Shared;

/// <summary>
/// Where a link may send the visitor back to (the language switch's and the sign-in's "terug"): parsed, not
/// prefix-checked. Only a relative path of this site passes: one leading '/', printable ASCII only (no control
/// characters, whitespace, '\' or non-ASCII, which browsers strip or fold and a Location header cannot carry), the
/// same once percent-decoded (escaped non-ASCII such as %C3%AB and an escaped space, %20, as in a map's project
/// name, stay allowed: they stay escaped in the Location header), and Uri reads it as relative with no scheme or
/// host. Anything else gives the fallback.
/// </summary>
public static class ReturnAddress
{
    private static readonly Uri ThisSite = new("http://this-site.invalid/");

    public static string LocalOr(string? address, string fallback) => IsLocal(address) ? address : fallback;

    public static bool IsLocal([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? address)
    {
        if (string.IsNullOrEmpty(address) || address.Length > 2048 || !IsPlainPath(address))
        {
            return false;
        }
        string decoded;
        try
        {
            decoded = Uri.UnescapeDataString(address);
        }
        catch (UriFormatException)
        {
            return false;
        }
        if (!IsPlainPath(decoded, decoded: true)
            || !Uri.TryCreate(address, UriKind.Relative, out _)
            || !Uri.TryCreate(ThisSite, address, out var resolved))
        {
            return false;
        }
        return resolved.Scheme == ThisSite.Scheme && resolved.Authority == ThisSite.Authority;
    }

    private static bool IsPlainPath(string path, bool decoded = false)
    {
        if (path[0] != '/' || (path.Length > 1 && path[1] is '/' or '\\'))
        {
            return false;
        }
        foreach (var c in path)
        {
            // Printable ASCII except '\': no control characters (NUL, TAB, CR, LF, DEL), no whitespace, no non-ASCII.
            // Decoded, a plain space and non-ASCII letters are what %20 and %C3%AB were: fine while they stay escaped.
            if (c == ' ' && decoded)
            {
                continue;
            }
            if (c is <= ' ' or '\u007f' or '\\' || char.IsControl(c) || char.IsWhiteSpace(c) || (c > '\u007f' && !decoded))
            {
                return false;
            }
        }
        return true;
    }
}
