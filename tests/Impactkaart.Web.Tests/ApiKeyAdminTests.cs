using System.Net;
using System.Text.RegularExpressions;
using Impactkaart.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Impactkaart.Web.Tests;

/// <summary>The admin page for API keys (/organisatie/api-sleutels): make one (shown once, stored hashed), list, revoke.</summary>
public abstract partial class ApiKeyAdminTests(WebApp app)
{
    /// <summary>Makes a key on the admin page as an admin would and returns the key the page shows once.</summary>
    public static async Task<string> CreateKeyAsync(HttpClient admin, string name, string scope)
    {
        using var response = await WebApp.Post(admin, "/organisatie/api-sleutels", "/organisatie/api-sleutels?handler=Create",
            [new("naam", name), new("bereik", scope)]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return ShownKey().Match(await response.TextAsync()).Groups[1].Value is { Length: > 0 } key
            ? key
            : throw new InvalidOperationException("The page did not show a new key.");
    }

    /// <summary>Revokes <paramref name="key"/> on the admin page as an admin would.</summary>
    public static async Task RevokeKeyAsync(WebApp app, HttpClient admin, string key)
    {
        ArgumentNullException.ThrowIfNull(app);
        var id = await app.WithDbAsync((db, _) => db.ApiKeys.Where(k => k.KeyHash == Tokens.Hash(key)).Select(k => k.Id).SingleAsync());
        using var revoked = await WebApp.Post(admin, "/organisatie/api-sleutels", "/organisatie/api-sleutels?handler=Revoke", [new("sleutel", id.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
    }

    [Fact]
    public async Task An_admin_makes_a_key_that_is_shown_once_and_stored_only_as_its_hash()
    {
        var admin = await app.RegisterAsync("Stichting Sleutel", $"beheer-{Guid.NewGuid():N}@sleutel.nl");
        Assert.Contains("/organisatie/api-sleutels", await admin.TextAsync("/organisatie"), StringComparison.Ordinal);
        Assert.Contains("Er zijn nog geen API-sleutels.", await admin.TextAsync("/organisatie/api-sleutels"), StringComparison.Ordinal);

        var key = await CreateKeyAsync(admin, "Cliëntsysteem", "read-write");

        Assert.StartsWith("ik_", key, StringComparison.Ordinal);
        Assert.True(key.Length > 40, key);
        var list = await admin.TextAsync("/organisatie/api-sleutels");
        Assert.DoesNotContain(key, list, StringComparison.Ordinal);
        Assert.Contains("Cliëntsysteem", list, StringComparison.Ordinal);
        Assert.Contains(key[..10] + "…", list, StringComparison.Ordinal);
        Assert.Contains("Lezen en schrijven", list, StringComparison.Ordinal);
        Assert.Contains("Actief", list, StringComparison.Ordinal);
        Assert.Contains("nog niet", list, StringComparison.Ordinal);
        var stored = await app.WithDbAsync((db, _) => db.ApiKeys.AsNoTracking().SingleAsync(k => k.Name == "Cliëntsysteem"));
        Assert.Equal(Tokens.Hash(key), stored.KeyHash);
        Assert.Equal("read-write", stored.Scope);
        Assert.DoesNotContain(key[10..], stored.KeyHash + stored.Prefix + stored.Name, StringComparison.Ordinal);
        Assert.Contains("API-sleutel gemaakt", await admin.TextAsync("/organisatie/logboek"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_revokes_a_key_and_the_list_says_so()
    {
        var admin = await app.RegisterAsync("Stichting Intrekken", $"beheer-{Guid.NewGuid():N}@intrekken.nl");
        await CreateKeyAsync(admin, "Oude koppeling", "read");
        var id = await app.WithDbAsync((db, _) => db.ApiKeys.Where(k => k.Name == "Oude koppeling").Select(k => k.Id).SingleAsync());

        using var revoked = await WebApp.Post(admin, "/organisatie/api-sleutels", "/organisatie/api-sleutels?handler=Revoke", [new("sleutel", id.ToString())]);

        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        var list = await admin.TextAsync("/organisatie/api-sleutels?gedaan=ingetrokken");
        Assert.Contains("De sleutel is ingetrokken", list, StringComparison.Ordinal);
        Assert.Contains("Ingetrokken op", list, StringComparison.Ordinal);
        Assert.Contains("Alleen lezen", list, StringComparison.Ordinal);
        Assert.NotNull(await app.WithDbAsync((db, _) => db.ApiKeys.Where(k => k.Id == id).Select(k => k.RevokedAt).SingleAsync()));
        Assert.Contains("API-sleutel ingetrokken", await admin.TextAsync("/organisatie/logboek"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_without_a_name_or_scope_is_refused_with_the_fields_named()
    {
        var admin = await app.RegisterAsync("Stichting Leeg", $"beheer-{Guid.NewGuid():N}@leeg.nl");

        using var response = await WebApp.Post(admin, "/organisatie/api-sleutels", "/organisatie/api-sleutels?handler=Create", [new("naam", " "), new("bereik", "alles")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.TextAsync();
        Assert.Contains("Geef de sleutel een naam", text, StringComparison.Ordinal);
        Assert.Contains("Kies wat de sleutel mag", text, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync((db, _) => db.ApiKeys.CountAsync(k => k.Name == "" || k.Scope == "alles")));
    }

    [Fact]
    public async Task A_member_who_is_not_an_admin_cannot_see_or_make_keys()
    {
        var admin = await app.RegisterAsync("Stichting Lid", $"beheer-{Guid.NewGuid():N}@lid.nl");
        var member = await app.InviteAndAcceptAsync(admin, $"lid-{Guid.NewGuid():N}@lid.nl", "Gewoon Lid");

        using var page = await member.GetAsync("/organisatie/api-sleutels");
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.DoesNotContain("/organisatie/api-sleutels", await member.TextAsync("/organisatie"), StringComparison.Ordinal);
        using var anonymous = await app.Client().GetAsync("/organisatie/api-sleutels");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/inloggen", anonymous.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [GeneratedRegex("<code class=\"api-key\">([^<]+)</code>")]
    private static partial Regex ShownKey();
}

public sealed class SqliteApiKeyAdminTests(WebApp app) : ApiKeyAdminTests(app), IClassFixture<WebApp>;

[Trait(Needs.Trait, Needs.Postgres)]
public sealed class PostgresApiKeyAdminTests(PostgresWebApp app) : ApiKeyAdminTests(app), IClassFixture<PostgresWebApp>;
