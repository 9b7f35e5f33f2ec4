using System.Net;
using Impactkaart.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static Impactkaart.Web.Tests.AccountTestSupport;

namespace Impactkaart.Web.Tests;

/// <summary>
/// The sign-in form does not tell who has an account: the same words, and the same work (one password check), for
/// an unknown address, a wrong password and a locked account. Work, not time, is asserted: a test's clock is too
/// noisy to measure milliseconds (load/signin-timing.sh measures them against a running app).
/// </summary>
public sealed class AccountEnumerationTests(AccountEnumerationTests.App app) : IClassFixture<AccountEnumerationTests.App>
{
    /// <summary>The app with a password hasher that counts its checks.</summary>
    public sealed class App : WebApp
    {
        public CountingHasher Hasher { get; } = new();

        protected override void ReplaceServices(IServiceCollection services) => services.AddSingleton<IPasswordHasher<Member>>(Hasher);
    }

    [Fact]
    public async Task An_unknown_address_a_wrong_password_and_a_locked_account_read_the_same()
    {
        await app.CreateAccountAsync("Zelfde Woorden", "bekend@zelfdewoorden.nl");
        await LockAsync(await app.CreateAccountAsync("Op Slot", "opslot@zelfdewoorden.nl"));

        var unknown = await SignInAsync(app.Client(), "onbekend@zelfdewoorden.nl", "een gok van iemand");
        var wrong = await SignInAsync(app.Client(), "bekend@zelfdewoorden.nl", "een gok van iemand");
        var locked = await SignInAsync(app.Client(), "opslot@zelfdewoorden.nl");

        var seen = WebApp.VisibleText(await unknown.Content.ReadAsStringAsync());
        Assert.Contains("Het e-mailadres of het wachtwoord klopt niet.", seen, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(unknown.StatusCode, wrong.StatusCode);
        Assert.Equal(unknown.StatusCode, locked.StatusCode);
        Assert.Equal(seen, WebApp.VisibleText(await wrong.Content.ReadAsStringAsync()));
        Assert.Equal(seen, WebApp.VisibleText(await locked.Content.ReadAsStringAsync()));
    }

    [Theory]
    [InlineData("onbekend@dezelfdemoeite.nl", "een gok van iemand")]
    [InlineData("bekend@dezelfdemoeite.nl", "een gok van iemand")]
    [InlineData("opslot@dezelfdemoeite.nl", Password)]
    public async Task Every_refused_sign_in_checks_one_password(string email, string password)
    {
        if (await app.WithDbAsync((db, users) => users.FindByEmailAsync("bekend@dezelfdemoeite.nl")) is null)
        {
            await app.CreateAccountAsync("Dezelfde Moeite", "bekend@dezelfdemoeite.nl");
            await LockAsync(await app.CreateAccountAsync("Op Slot Moeite", "opslot@dezelfdemoeite.nl"));
        }
        var client = app.Client();
        var before = app.Hasher.Checks;

        var refused = await SignInAsync(client, email, password);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(1, app.Hasher.Checks - before);
    }

    [Fact]
    public async Task Registering_hashes_the_password_for_an_address_with_an_account_too()
    {
        await app.CreateAccountAsync("Hash Bekend", "bekend@hashbekend.nl");
        var before = app.Hasher.Hashes;

        var registered = await WebApp.Post(app.Client(), "/registreren", "/registreren",
        [
            new("organisatie", "Nog Een"), new("naam", "Iemand"), new("email", "bekend@hashbekend.nl"),
            new("wachtwoord", Password), new("herhaal", Password),
        ]);

        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        Assert.Equal(1, app.Hasher.Hashes - before);
    }

    private Task<IdentityResult> LockAsync(Member member) =>
        app.WithDbAsync(async (_, users) =>
        {
            var found = await users.FindByIdAsync(member.Id.ToString());
            return await users.SetLockoutEndDateAsync(found!, DateTimeOffset.UtcNow.AddMinutes(15));
        });

    /// <summary>Identity's own hasher, counting how often it hashes and checks a password.</summary>
    public sealed class CountingHasher : IPasswordHasher<Member>
    {
        private readonly PasswordHasher<Member> inner = new();
        private int checks;
        private int hashes;

        public int Checks => Volatile.Read(ref checks);

        public int Hashes => Volatile.Read(ref hashes);

        public string HashPassword(Member user, string password)
        {
            Interlocked.Increment(ref hashes);
            return inner.HashPassword(user, password);
        }

        public PasswordVerificationResult VerifyHashedPassword(Member user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref checks);
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
