using System.Net;
using Impactkaart.Web.Data;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Impactkaart.Web.Tests;

/// <summary>
/// Two app instances on one PostgreSQL database, each with its own memory (caches, rate limiter), as behind a load
/// balancer: a person signs in on one and carries on on the other, because both read the same data-protection keys.
/// </summary>
public sealed class TwoInstanceTests(TwoInstanceTests.Instances instances) : IClassFixture<TwoInstanceTests.Instances>
{
    [Fact]
    public async Task Signing_in_on_one_instance_carries_over_to_the_other_including_its_forms()
    {
        // One browser: one cookie jar, requests going to either instance.
        var cookies = new CookieContainer();
        using var onA = instances.A.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies));
        using var onB = instances.B.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies));
        const string password = "een lange zin als wachtwoord";

        await AccountTestSupport.RegisterAndConfirmAsync(onA, instances.MailFolder, "Buurtwerk Oost", "fatima@buurtwerk-oost.nl", password, "Fatima de Boer");

        // B reads A's sign-in cookie: the page shows who is signed in.
        var home = await onB.GetStringAsync("/");
        Assert.Contains("Fatima de Boer", home, StringComparison.Ordinal);
        Assert.Contains("Uitloggen", home, StringComparison.Ordinal);

        // A form rendered by A (its anti-forgery token) is accepted when posted to B.
        var (token, _) = await WebApp.FormToken(onA, "/");
        using var signOut = new HttpRequestMessage(HttpMethod.Post, "/uitloggen")
        {
            Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]),
        };
        var signedOut = await onB.SendAsync(signOut);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Contains("Inloggen", await onA.GetStringAsync("/"), StringComparison.Ordinal);

        // And the other way round: signing in on B is seen on A.
        var signedIn = await WebApp.Post(onB, "/inloggen", "/inloggen", [new("email", "fatima@buurtwerk-oost.nl"), new("wachtwoord", password)]);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Contains("Fatima de Boer", await onA.GetStringAsync("/"), StringComparison.Ordinal);

        // Both used one key, kept in the database.
        using var scope = instances.B.Services.CreateScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<ImpactkaartDb>().DataProtectionKeys.CountAsync());
    }

    /// <summary>One PostgreSQL database and two separate app instances on it.</summary>
    public sealed class Instances : IDisposable
    {
        private readonly TestDatabase database = new(Store.Postgres);

        public Instances()
        {
            A = new AppOnDatabase(database);
            B = new AppOnDatabase(database);
            // Start A first, so that the migration runs once and B finds the database ready.
            A.CreateClient().Dispose();
            B.CreateClient().Dispose();
        }

        public AppOnDatabase A { get; }

        /// <summary>Where both instances write their emails.</summary>
        public string MailFolder => Path.Combine(database.Folder, "mail");

        public AppOnDatabase B { get; }

        public void Dispose()
        {
            A.Dispose();
            B.Dispose();
            database.Dispose();
        }
    }
}
