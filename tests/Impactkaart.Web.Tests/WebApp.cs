using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Impactkaart.Web.Tests;

/// <summary>The app in memory for HTTP-level tests; one per test class, no redirects followed automatically.</summary>
public sealed class WebApp : WebApplicationFactory<Program>
{
    public HttpClient Client() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>The anti-forgery token and cookie of a form page, as a browser would have them.</summary>
    public static async Task<(string Token, string? Cookie)> FormToken(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        var token = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var cookie = response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies.First().Split(';')[0] : null;
        return (token, cookie);
    }

    public static async Task<HttpResponseMessage> Post(HttpClient client, string pageUrl, string postUrl, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var (token, cookie) = await FormToken(client, pageUrl);
        using var request = new HttpRequestMessage(HttpMethod.Post, postUrl)
        {
            Content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))),
        };
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }
        return await client.SendAsync(request);
    }
}
