using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using static Impactkaart.Web.Tests.AccountTestSupport;

namespace Impactkaart.Web.Tests;

/// <summary>Links in emails never take their host from the request: Mail:LinkBase, or on a developer's machine the app's own address.</summary>
public sealed class MailLinkTests(WebApp app) : IClassFixture<WebApp>
{
    [Fact]
    public async Task A_forged_host_header_never_reaches_a_reset_or_invitation_mail()
    {
        var email = $"beheer-{Guid.NewGuid():N}@buurtwerk.nl";
        await app.CreateAccountAsync("Buurtwerk Host", email);
        using var client = app.Client();

        using var reset = await PostWithHostAsync(client, "/wachtwoord-vergeten", [new("email", email)]);
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        var resetMail = app.LatestMailTo(email);
        Assert.DoesNotContain("evil.example", resetMail, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("http://localhost/wachtwoord-herstellen?", resetMail, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(client, email)).StatusCode);
        var colleague = $"collega-{Guid.NewGuid():N}@buurtwerk.nl";
        using var invited = await PostWithHostAsync(client, "/organisatie", [new("email", colleague), new("rol", "lid")], "/organisatie?handler=Invite");
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        var invitation = app.LatestMailTo(colleague);
        Assert.DoesNotContain("evil.example", invitation, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("http://localhost/uitnodiging/", invitation, StringComparison.Ordinal);
    }

    internal static async Task<HttpResponseMessage> PostWithHostAsync(HttpClient client, string page, IEnumerable<KeyValuePair<string, string>> fields, string? postUrl = null)
    {
        var (token, cookie) = await WebApp.FormToken(client, page);
        using var request = new HttpRequestMessage(HttpMethod.Post, postUrl ?? page)
        {
            Content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))),
        };
        request.Headers.Host = "evil.example";
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }
        return await client.SendAsync(request);
    }
}

/// <summary>The app as in production without Mail:LinkBase (and not listening on loopback only).</summary>
public sealed class ProductionWithoutLinkBaseApp : WebApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
    }
}

/// <summary>Without an address for links, no link is mailed: the user reads a plain message, the log names the setting.</summary>
public sealed class MailWithoutLinkBaseTests(ProductionWithoutLinkBaseApp app) : IClassFixture<ProductionWithoutLinkBaseApp>
{
    [Fact]
    public async Task Without_a_link_base_in_production_no_reset_link_is_mailed_and_the_user_is_told()
    {
        var email = $"beheer-{Guid.NewGuid():N}@zonderadres.nl";
        await app.CreateAccountAsync("Zonder Adres", email);
        using var client = app.Client();

        using var known = await MailLinkTests.PostWithHostAsync(client, "/wachtwoord-vergeten", [new("email", email)]);
        using var unknown = await MailLinkTests.PostWithHostAsync(client, "/wachtwoord-vergeten", [new("email", "niemand@zonderadres.nl")]);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, known.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, unknown.StatusCode);
        Assert.Contains("kan op dit moment geen e-mail met een link sturen", await known.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, app.MailCountTo(email));
    }

    [Fact]
    public async Task Without_a_link_base_in_production_no_invitation_is_made_or_mailed_and_the_admin_is_told()
    {
        var email = $"beheer-{Guid.NewGuid():N}@zonderadres.nl";
        await app.CreateAccountAsync("Zonder Adres Uitnodiging", email);
        using var admin = app.Client();
        await SignInAsync(admin, email);
        var colleague = $"collega-{Guid.NewGuid():N}@zonderadres.nl";

        using var invited = await WebApp.Post(admin, "/organisatie", "/organisatie?handler=Invite", [new("email", colleague), new("rol", "lid")]);

        Assert.Equal(HttpStatusCode.BadRequest, invited.StatusCode);
        Assert.Contains("kan op dit moment geen e-mail met een link sturen", await invited.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, app.MailCountTo(colleague));
        Assert.False(await app.WithDbAsync((db, _) => db.Invitations.AnyAsync(i => i.Email == colleague)));
    }

    [Fact]
    public async Task Without_a_link_base_in_production_registering_makes_and_mails_nothing_and_says_why()
    {
        var email = $"nieuw-{Guid.NewGuid():N}@zonderadres.nl";
        using var client = app.Client();

        using var registered = await MailLinkTests.PostWithHostAsync(client, "/registreren",
            [new("organisatie", "Zonder Adres Nieuw"), new("naam", "Iemand"), new("email", email), new("wachtwoord", Password), new("herhaal", Password)]);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, registered.StatusCode);
        Assert.Contains("kan op dit moment geen e-mail met een link sturen", await registered.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, app.MailCountTo(email));
        Assert.False(await app.WithDbAsync((db, _) => db.PendingRegistrations.AnyAsync(p => p.Email == email)));
    }
}
