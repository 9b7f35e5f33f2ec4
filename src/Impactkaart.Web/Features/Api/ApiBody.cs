using System.Buffers;
using System.Text;

namespace Impactkaart.Web.Features.Api;

/// <summary>Reading a request body with a limit of our own, so that a body too large is a 413 we explain.</summary>
public static class ApiBody
{
    /// <summary>The largest project file accepted: a full project with every answer is under 4 kB.</summary>
    public const int MaxProjectBytes = 64 * 1024;

    /// <summary>
    /// The body as text, or null when it is larger than <paramref name="maxBytes"/>, also when it comes without a
    /// Content-Length. Reading stops at the limit, before the server's own (larger) limit would end the request
    /// with an error of its own.
    /// </summary>
    public static async Task<string?> ReadTextAsync(HttpRequest request, int maxBytes, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > maxBytes)
        {
            return null;
        }
        var buffer = ArrayPool<byte>.Shared.Rent(maxBytes + 1);
        try
        {
            var length = 0;
            int read;
            while ((read = await request.Body.ReadAsync(buffer.AsMemory(length, maxBytes + 1 - length), cancellation)) > 0)
            {
                length += read;
                if (length > maxBytes)
                {
                    return null;
                }
            }
            return Encoding.UTF8.GetString(buffer, 0, length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
