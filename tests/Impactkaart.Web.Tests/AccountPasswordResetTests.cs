using System.Net;
using System.Web;
using static Impactkaart.Web.Tests.AccountTestSupport;

namespace Impactkaart.Web.Tests;

/// <summary>
/// A forgotten password: the same answer for every address, an emailed link that works once, a new password.
/// (At most 10 posts a minute to the account forms per address: this class stays under that.)
/// </summary>
public sealed class AccountPasswordResetTests(WebApp app) : IClassFixture<WebApp>
{
    private const string NewPassword = "een nieuwe zin om te onthouden";

    [Fact]
    public async Task Asking_for_a_reset_gives_the_same_answer_with_or_without_an_account_and_mails_a_link_only_to_the_account()
    {
        await app.CreateAccountAsync("Buurtwerk Oost", "beheer@buurtwerk-oost.nl");
        var client = app.Client();

        var known = await WebApp.Post(client, "/wachtwoord-vergeten", "/wachtwoord-vergeten", [new("email", "beheer@buurtwerk-oost.nl")]);
        var unknown = await WebApp.Post(client, "/wachtwoord-vergeten", "/wachtwoord-vergeten", [new("email", "niemand@buurtwerk-oost.nl")]);

        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        var knownText = await known.TextAsync();
        Assert.Contains("Als er een account is met dit e-mailadres, hebben we er zojuist een e-mail heen gestuurd", knownText, StringComparison.Ordinal);
        Assert.Equal(Confirmation(knownText), Confirmation(await unknown.TextAsync()));
        Assert.Equal(1, app.MailCountTo("beheer@buurtwerk-oost.nl"));
        Assert.Contains("/wachtwoord-herstellen?", app.LatestMailTo("beheer@buurtwerk-oost.nl"), StringComparison.Ordinal);
        // The address without an account is told so (equal work for both, and an honest answer to the mailbox's owner).
        var noAccount = app.LatestMailTo("niemand@buurtwerk-oost.nl");
        Assert.Contains("Er is geen account met dit adres", noAccount, StringComparison.Ordinal);
        Assert.DoesNotContain("/wachtwoord-herstellen", noAccount, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_emailed_link_sets_a_new_password_that_signs_in_and_works_only_once()
    {
        await app.RegisterAsync("Wijkteam Zuid", "coordinator@wijkteam-zuid.nl");
        var client = app.Client();
        await WebApp.Post(client, "/wachtwoord-vergeten", "/wachtwoord-vergeten", [new("email", "coordinator@wijkteam-zuid.nl")]);
        var mail = app.LatestMailTo("coordinator@wijkteam-zuid.nl");
        Assert.Contains("nieuw wachtwoord", mail, StringComparison.Ordinal);
        var link = LinkIn(mail, "/wachtwoord-herstellen");

        var form = await client.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains("coordinator@wijkteam-zuid.nl", await form.TextAsync(), StringComparison.Ordinal);
        var reset = await Reset(client, link, NewPassword, NewPassword);
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Contains("Log in met uw nieuwe wachtwoord", await client.TextAsync(reset.Headers.Location!.OriginalString), StringComparison.Ordinal);

        var old = await SignInAsync(client, "coordinator@wijkteam-zuid.nl");
        Assert.Equal(HttpStatusCode.BadRequest, old.StatusCode);
        var signedIn = await SignInAsync(client, "coordinator@wijkteam-zuid.nl", NewPassword);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Contains("Beheerder Wijkteam Zuid", await client.GetStringAsync("/"), StringComparison.Ordinal);

        var again = await app.Client().GetAsync(link);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("Deze link werkt niet meer", await again.TextAsync(), StringComparison.Ordinal);

        var organisation = (await app.MemberAsync("coordinator@wijkteam-zuid.nl")).OrganisationId;
        Assert.Contains(await app.AuditAsync(organisation), a => a.Action == "account.password-reset" && a.Subject.Contains("coordinator@wijkteam-zuid.nl", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Two_different_new_passwords_are_named_and_a_changed_link_is_refused()
    {
        await app.CreateAccountAsync("Sociaal Team West", "team@sociaal-west.nl");
        var client = app.Client();
        await WebApp.Post(client, "/wachtwoord-vergeten", "/wachtwoord-vergeten", [new("email", "team@sociaal-west.nl")]);
        var link = LinkIn(app.LatestMailTo("team@sociaal-west.nl"), "/wachtwoord-herstellen");

        var different = await Reset(client, link, NewPassword, NewPassword + " anders");
        Assert.Equal(HttpStatusCode.BadRequest, different.StatusCode);
        Assert.Contains("De twee wachtwoorden zijn niet gelijk.", await different.TextAsync(), StringComparison.Ordinal);

        var tampered = await client.GetAsync(link.Replace("token=", "token=X", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, tampered.StatusCode);
        Assert.Contains("Vraag een nieuwe link aan", await tampered.TextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", await tampered.TextAsync(), StringComparison.Ordinal);
    }

    /// <summary>Posts the reset form of the emailed link, as the browser would with its hidden email and token.</summary>
    internal static async Task<HttpResponseMessage> Reset(HttpClient client, string link, string password, string repeated)
    {
        var query = HttpUtility.ParseQueryString(new Uri("http://x" + link).Query);
        return await WebApp.Post(client, link, "/wachtwoord-herstellen",
            [new("email", query["email"]!), new("token", query["token"]!), new("wachtwoord", password), new("herhaal", repeated)]);
    }

    private static string Confirmation(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "<div class=\"notice\"[\\s\\S]*?</div>").Value;
}
