using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Impactkaart.Web.Tests;

/// <summary>
/// The app in memory for HTTP-level tests, on a fresh SQLite file of its own (or, in <see cref="PostgresWebApp"/>,
/// a fresh PostgreSQL database); one per test class, no redirects followed automatically. Emails land as .eml
/// files in <see cref="MailFolder"/>.
/// </summary>
public class WebApp : WebApplicationFactory<Program>
{
    public WebApp() : this(Store.Sqlite)
    {
    }

    protected WebApp(Store store) => Database = new TestDatabase(store);

    public TestDatabase Database { get; }

    public string MailFolder => Path.Combine(Database.Folder, "mail");

    /// <summary>Whether the account forms keep their limit of posts a minute per address (only the tests of that limit need it).</summary>
    protected virtual bool KeepsFormLimit => false;

    /// <summary>Extra settings for a test class (applied after the database settings).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> Settings => [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseSetting("Database:Provider", Database.ProviderSetting);
        builder.UseSetting("ConnectionStrings:Impactkaart", Database.ConnectionString);
        builder.UseSetting("Mail:PickupFolder", MailFolder);
        if (!KeepsFormLimit)
        {
            // Tests register and invite far more than a person would in a minute, all from one address.
            builder.UseSetting("Accounts:FormPostsPerMinute", "10000");
        }
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(ReplaceServices);
    }

    /// <summary>Services a test class puts in place of the app's own (a clock it moves, a counting password hasher).</summary>
    protected virtual void ReplaceServices(IServiceCollection services)
    {
    }

    /// <summary>The real address when the app listens on a port (browser tests), for clients that talk HTTP to it.</summary>
    public Uri? ServerAddress { get; set; }

    /// <summary>A client that keeps its cookies and does not follow redirects: in memory, or over HTTP to <see cref="ServerAddress"/>.</summary>
    public HttpClient Client() => ServerAddress is null
        ? CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false })
        : new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = new System.Net.CookieContainer() }) { BaseAddress = ServerAddress };

    /// <summary>
    /// What a reader sees of a page: the text without tags, entities decoded, all whitespace one space. A figure
    /// and its unit read as one phrase ("€ 1,90 per geïnvesteerde euro") whatever elements they are in.
    /// </summary>
    public static string VisibleText(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var body = Regex.Replace(html, "<(script|style|head)[^>]*>.*?</\\1>", " ", RegexOptions.Singleline | RegexOptions.IgnoreCase);
        var text = Regex.Replace(body, "<[^>]+>", " ");
        return Regex.Replace(System.Net.WebUtility.HtmlDecode(text), "\\s+", " ").Trim();
    }

    /// <summary>The anti-forgery token and cookie of a form page, as a browser would have them.</summary>
    public static async Task<(string Token, string? Cookie)> FormToken(HttpClient client, string url)
    {
        ArgumentNullException.ThrowIfNull(client);
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        var token = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var cookie = response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies.First().Split(';')[0] : null;
        return (token, cookie);
    }

    public static async Task<HttpResponseMessage> Post(HttpClient client, string pageUrl, string postUrl, IEnumerable<KeyValuePair<string, string>> fields)
    {
        ArgumentNullException.ThrowIfNull(client);
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

    /// <summary>
    /// Registers a new organisation with its admin, as a person does (the form, then the link in the email), and
    /// returns a client signed in as that admin (the cookies are kept by the client).
    /// </summary>
    public async Task<HttpClient> RegisterAsync(string organisation, string email, string password = AccountTestSupport.Password)
    {
        var client = Client();
        await AccountTestSupport.RegisterAndConfirmAsync(client, MailFolder, organisation, email, password);
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Database.Dispose();
        }
    }
}

/// <summary>The app on a fresh PostgreSQL database of the server that ./test.sh starts.</summary>
public sealed class PostgresWebApp : WebApp
{
    public PostgresWebApp() : base(Store.Postgres)
    {
    }
}
