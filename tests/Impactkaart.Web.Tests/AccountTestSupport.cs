using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Impactkaart.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Impactkaart.Web.Tests;

/// <summary>What the account and organisation tests share: reading sent emails, signing in, inviting, the store.</summary>
public static partial class AccountTestSupport
{
    public const string Password = "een lange zin als wachtwoord";

    /// <summary>The body of the newest email to this address, decoded as a mail program would show it.</summary>
    public static string LatestMailTo(this WebApp app, string to)
    {
        ArgumentNullException.ThrowIfNull(app);
        return LatestMailIn(app.MailFolder, to);
    }

    /// <summary>The body of the newest email to this address in a pickup folder.</summary>
    public static string LatestMailIn(string folder, string to)
    {
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.eml") : [];
        var mails = files.Select(f => (File: f, Text: File.ReadAllText(f)))
            .Where(m => Regex.IsMatch(m.Text, "^To: .*" + Regex.Escape(to), RegexOptions.Multiline | RegexOptions.IgnoreCase))
            .OrderByDescending(m => File.GetLastWriteTimeUtc(m.File))
            .ToList();
        Assert.True(mails.Count > 0, $"No email to {to} in {folder}");
        return Decode(mails[0].Text);
    }

    /// <summary>How many emails went to this address.</summary>
    public static int MailCountTo(this WebApp app, string to)
    {
        ArgumentNullException.ThrowIfNull(app);
        return !Directory.Exists(app.MailFolder) ? 0 : Directory.GetFiles(app.MailFolder, "*.eml")
            .Count(f => Regex.IsMatch(File.ReadAllText(f), "^To: .*" + Regex.Escape(to), RegexOptions.Multiline | RegexOptions.IgnoreCase));
    }

    /// <summary>The link in an email, as a path and query of this site (what the test client can follow).</summary>
    public static string LinkIn(string mailBody, string pathStart)
    {
        var match = Regex.Match(mailBody, "https?://[^/\\s]+(" + Regex.Escape(pathStart) + "[^\\s]*)");
        Assert.True(match.Success, $"No link to {pathStart} in: {mailBody}");
        return match.Groups[1].Value;
    }

    /// <summary>
    /// Registers an organisation as a person does: the form, the "check your email" page, the link in the email
    /// (read from the pickup folder) and its button. The client is then signed in as the organisation's admin.
    /// </summary>
    public static async Task RegisterAndConfirmAsync(
        HttpClient client, string mailFolder, string organisation, string email, string password = Password, string? name = null)
    {
        var registered = await WebApp.Post(client, "/registreren", "/registreren",
        [
            new("organisatie", organisation), new("naam", name ?? "Beheerder " + organisation), new("email", email),
            new("wachtwoord", password), new("herhaal", password),
        ]);
        var page = await registered.TextAsync();
        if (registered.StatusCode != HttpStatusCode.OK || !page.Contains("We hebben een e-mail gestuurd naar " + email, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Registering {email} gave {(int)registered.StatusCode}: {page}");
        }
        var confirmed = await ConfirmAsync(client, LinkIn(LatestMailIn(mailFolder, email), "/registreren/bevestigen/"));
        if (confirmed.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Confirming {email} gave {(int)confirmed.StatusCode}: {await confirmed.TextAsync()}");
        }
    }

    /// <summary>Opens the registration link from the email and presses its button.</summary>
    public static Task<HttpResponseMessage> ConfirmAsync(HttpClient client, string link) => WebApp.Post(client, link, link, []);

    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password = Password) =>
        await WebApp.Post(client, "/inloggen", "/inloggen", [new("email", email), new("wachtwoord", password)]);

    /// <summary>The admin invites a colleague; the colleague follows the link and chooses a name; returns the colleague's signed-in client.</summary>
    public static async Task<HttpClient> InviteAndAcceptAsync(this WebApp app, HttpClient admin, string email, string name, string role = "lid")
    {
        ArgumentNullException.ThrowIfNull(app);
        var invited = await WebApp.Post(admin, "/organisatie", "/organisatie?handler=Invite", [new("email", email), new("rol", role)]);
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        var link = LinkIn(app.LatestMailTo(email), "/uitnodiging/");
        var colleague = app.Client();
        var accepted = await WebApp.Post(colleague, link, link, [new("naam", name), new("wachtwoord", Password), new("herhaal", Password)]);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        return colleague;
    }

    /// <summary>The page's text as a reader sees it (entities decoded), for asserting Dutch words with accents.</summary>
    public static async Task<string> TextAsync(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    public static async Task<string> TextAsync(this HttpClient client, string url)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(url);
        return await response.TextAsync();
    }

    /// <summary>Runs something against the app's own store (to read what a page wrote, or to age a row).</summary>
    public static async Task<T> WithDbAsync<T>(this WebApp app, Func<ImpactkaartDb, UserManager<Member>, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(work);
        using var scope = app.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<ImpactkaartDb>(), scope.ServiceProvider.GetRequiredService<UserManager<Member>>());
    }

    /// <summary>
    /// An organisation with its admin, made in the store directly: for tests whose subject is not registering, so
    /// they spend none of the ten account-form posts a minute that the rate limit allows.
    /// </summary>
    public static Task<Member> CreateAccountAsync(this WebApp app, string organisation, string email, string password = Password) =>
        app.WithDbAsync(async (db, users) =>
        {
            var org = new Organisation { Id = Guid.CreateVersion7(), Name = organisation, CreatedAt = DateTime.UtcNow };
            db.Organisations.Add(org);
            await db.SaveChangesAsync();
            var member = new Member
            {
                Id = Guid.CreateVersion7(), OrganisationId = org.Id, UserName = email, Email = email, DisplayName = "Beheerder " + organisation,
                Role = MemberRole.Admin, JoinedAt = DateTime.UtcNow,
            };
            var result = await users.CreateAsync(member, password);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
            return member;
        });

    public static Task<Member> MemberAsync(this WebApp app, string email) =>
        app.WithDbAsync((db, _) => db.Users.AsNoTracking().SingleAsync(m => m.Email == email));

    public static Task<List<AuditEntry>> AuditAsync(this WebApp app, Guid organisationId) =>
        app.WithDbAsync((db, _) => db.AuditEntries.AsNoTracking().Where(a => a.OrganisationId == organisationId).OrderBy(a => a.Id).ToListAsync());

    private static string Decode(string eml)
    {
        var split = eml.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var headers = eml[..split];
        var body = eml[(split + 4)..];
        if (Regex.IsMatch(headers, "^Content-Transfer-Encoding: base64", RegexOptions.Multiline | RegexOptions.IgnoreCase))
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(Regex.Replace(body, "\\s", "")));
        }
        if (Regex.IsMatch(headers, "^Content-Transfer-Encoding: quoted-printable", RegexOptions.Multiline | RegexOptions.IgnoreCase))
        {
            var joined = body.Replace("=\r\n", "", StringComparison.Ordinal);
            var bytes = new List<byte>();
            for (var i = 0; i < joined.Length; i++)
            {
                if (joined[i] == '=' && i + 2 < joined.Length && Uri.IsHexDigit(joined[i + 1]) && Uri.IsHexDigit(joined[i + 2]))
                {
                    bytes.Add(Convert.ToByte(joined.Substring(i + 1, 2), 16));
                    i += 2;
                }
                else
                {
                    bytes.AddRange(Encoding.UTF8.GetBytes(joined[i].ToString()));
                }
            }
            return Encoding.UTF8.GetString(bytes.ToArray());
        }
        return body;
    }
}
