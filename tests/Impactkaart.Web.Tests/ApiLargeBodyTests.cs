using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Impactkaart.Web.Tests;

/// <summary>
/// Bodies over the server's 1 MB limit, sent chunked (no Content-Length), to the real Kestrel server: every API
/// address answers below 500, with problem details, and the site's forms with their own 400 or 413 page.
/// </summary>
public sealed class ApiLargeBodyTests : IDisposable
{
    private readonly WebApp app = new();
    private readonly HttpClient client;

    public ApiLargeBodyTests()
    {
        app.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        client = new HttpClient { BaseAddress = new Uri(address) };
    }

    [Theory]
    [InlineData("/api/v1/compute", "application/json")]
    [InlineData("/api/v1/ping", "application/json")]
    [InlineData("/api/v1/bestaat-niet", "application/json")]
    [InlineData("/api/v1/compute", "text/plain")]
    public async Task A_chunked_body_over_one_megabyte_gets_a_problem_below_500(string path, string contentType)
    {
        using var response = await client.PostAsync(path, Chunked(2_000_000, contentType));

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_chunked_form_over_one_megabyte_gets_a_page_below_500()
    {
        using var response = await client.PostAsync("/registreren", Chunked(2_000_000, "application/x-www-form-urlencoded"));

        Assert.InRange((int)response.StatusCode, 400, 499);
    }

    /// <summary>A body of <paramref name="size"/> bytes of 'a' without a length, so HttpClient sends it chunked.</summary>
    private static StreamContent Chunked(int size, string contentType)
    {
        var content = new StreamContent(new UnseekableStream(new MemoryStream(Enumerable.Repeat((byte)'a', size).ToArray())));
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return content;
    }

    public void Dispose()
    {
        client.Dispose();
        app.Dispose();
    }

    /// <summary>A stream that hides its length, so no Content-Length header is sent.</summary>
    private sealed class UnseekableStream(Stream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
