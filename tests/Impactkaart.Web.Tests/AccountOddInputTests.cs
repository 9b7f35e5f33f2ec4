using System.Net;
using Impactkaart.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using static Impactkaart.Web.Tests.AccountTestSupport;

namespace Impactkaart.Web.Tests;

/// <summary>
/// Odd input on the account forms answers below 500: names with line breaks, and two accepts of one invitation at once.
/// </summary>
public sealed class AccountOddInputTests
{
    [Theory]
    [InlineData("Buurtwerk\r\nBcc: iedereen@voorbeeld.nl", "Beheerder")]
    [InlineData("Buurtwerk Oost", "Beheerder\nTwee")]
    [InlineData("Buurtwerk\u0007Oost", "Beheerder")]
    public async Task Registering_with_a_line_break_in_a_name_names_the_field_and_saves_nothing(string organisation, string name)
    {
        using var app = new WebApp();
        using var client = app.Client();
        const string password = "een lange zin als wachtwoord";

        var response = await WebApp.Post(client, "/registreren", "/registreren",
        [
            new("organisatie", organisation), new("naam", name), new("email", "beheer@buurtwerk.nl"),
            new("wachtwoord", password), new("herhaal", password),
        ]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Gebruik één regel gewone tekst, zonder regeleinden of speciale tekens.", await response.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync((db, _) => db.Organisations.CountAsync()));
    }

    [Fact]
    public async Task A_form_with_a_nul_character_is_a_400_page_not_a_500()
    {
        // The framework's form reader refuses %00 before any page sees the field: the error page keeps its 400.
        using var app = new WebApp();
        using var client = app.Client();
        const string password = "een lange zin als wachtwoord";

        var response = await WebApp.Post(client, "/registreren", "/registreren",
        [
            new("organisatie", "Buurtwerk\u0000Oost"), new("naam", "Beheerder"), new("email", "beheer@buurtwerk.nl"),
            new("wachtwoord", password), new("herhaal", password),
        ]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await app.WithDbAsync((db, _) => db.Organisations.CountAsync()));
    }

    [Fact]
    public async Task An_organisation_name_with_a_line_break_saved_earlier_does_not_stop_its_invitations()
    {
        using var app = new WebApp();
        using var admin = await app.RegisterAsync("Buurtwerk Oost", "beheer@buurtwerk-oost.nl");
        await app.WithDbAsync((db, _) => db.Organisations.ExecuteUpdateAsync(set => set.SetProperty(o => o.Name, "Buurtwerk\r\nOost")));

        var invited = await WebApp.Post(admin, "/organisatie", "/organisatie?handler=Invite", [new("email", "piet@buurtwerk-oost.nl"), new("rol", "lid")]);

        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        Assert.Contains("/uitnodiging/", app.LatestMailTo("piet@buurtwerk-oost.nl"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accepting_one_invitation_several_times_at_once_makes_one_account_and_tells_the_others_the_link_was_used()
    {
        using var app = new WebApp();
        using var admin = await app.RegisterAsync("Buurtwerk Oost", "beheer@buurtwerk-oost.nl");
        var invited = await WebApp.Post(admin, "/organisatie", "/organisatie?handler=Invite", [new("email", "piet@buurtwerk-oost.nl"), new("rol", "lid")]);
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        var link = LinkIn(app.LatestMailTo("piet@buurtwerk-oost.nl"), "/uitnodiging/");

        // Each tab has its form (and token) before any of them is sent.
        var tabs = new List<(HttpClient Client, string Token, string? Cookie)>();
        for (var i = 0; i < 4; i++)
        {
            var client = app.Client();
            var (token, cookie) = await WebApp.FormToken(client, link);
            tabs.Add((client, token, cookie));
        }
        var answers = await Task.WhenAll(tabs.Select(async tab =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, link)
            {
                Content = new FormUrlEncodedContent(
                [
                    new("naam", "Piet Bakker"), new("wachtwoord", Password), new("herhaal", Password), new("__RequestVerificationToken", tab.Token),
                ]),
            };
            if (tab.Cookie is not null)
            {
                request.Headers.Add("Cookie", tab.Cookie);
            }
            var response = await tab.Client.SendAsync(request);
            return (response.StatusCode, Text: await response.TextAsync());
        }));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Redirect);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Redirect), a =>
        {
            Assert.Equal(HttpStatusCode.NotFound, a.StatusCode);
            Assert.Contains("uitnodiging", a.Text, StringComparison.OrdinalIgnoreCase);
        });
        Assert.Equal(1, await app.WithDbAsync((db, _) => db.Users.CountAsync(m => m.NormalizedEmail == "PIET@BUURTWERK-OOST.NL")));
        foreach (var tab in tabs)
        {
            tab.Client.Dispose();
        }
    }

    [Fact]
    public async Task A_registration_link_and_an_invitation_for_one_address_followed_at_once_make_one_account_and_no_500()
    {
        using var app = new WebApp();
        using var admin = await app.RegisterAsync("Wijkteam Race", "beheer@wijkteam-race.nl");
        // Several addresses, each raced once: the moment between the check and the save is short.
        for (var n = 0; n < 6; n++)
        {
            var email = $"tweestrijd{n}@wijkteam-race.nl";
            using var registering = app.Client();
            await WebApp.Post(registering, "/registreren", "/registreren",
            [
                new("organisatie", "Eigen Stichting " + n), new("naam", "Zelf"), new("email", email), new("wachtwoord", Password), new("herhaal", Password),
            ]);
            var confirmLink = LinkIn(app.LatestMailTo(email), "/registreren/bevestigen/");
            await WebApp.Post(admin, "/organisatie", "/organisatie?handler=Invite", [new("email", email), new("rol", "lid")]);
            var inviteLink = LinkIn(app.LatestMailTo(email), "/uitnodiging/");
            using var invited = app.Client();
            var confirm = await Prepared(registering, confirmLink, []);
            var accept = await Prepared(invited, inviteLink, [new("naam", "Via uitnodiging"), new("wachtwoord", Password), new("herhaal", Password)]);

            var answers = await Task.WhenAll(registering.SendAsync(confirm), invited.SendAsync(accept));

            Assert.All(answers, a => Assert.True((int)a.StatusCode < 500, $"{email}: {(int)a.StatusCode} {a.RequestMessage?.RequestUri}"));
            Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Redirect);
            var refused = Assert.Single(answers, a => a.StatusCode != HttpStatusCode.Redirect);
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Contains($"Er is al een account met het e-mailadres {email}", await refused.TextAsync(), StringComparison.Ordinal);
            var normalized = email.ToUpperInvariant();
            Assert.Equal(1, await app.WithDbAsync((db, _) => db.Users.CountAsync(m => m.NormalizedEmail == normalized)));
        }
    }

    /// <summary>A form post with its page's token, ready to send at the moment the test chooses.</summary>
    private static async Task<HttpRequestMessage> Prepared(HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var (token, cookie) = await WebApp.FormToken(client, url);
        var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))),
        };
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }
        return request;
    }
}

/// <summary>
/// The race of an invitation with a registration link made certain: another request's account for the same address is
/// saved between the invitation page's checks and its own save (the moment a real race hits), so the database's
/// unique index refuses the second account.
/// </summary>
public sealed class AccountRaceTests
{
    [Fact]
    public async Task An_account_saved_for_the_address_while_an_invitation_is_accepted_gives_the_already_has_an_account_page_not_a_500()
    {
        using var app = new App();
        using var admin = await app.RegisterAsync("Wijkteam Wedloop", "beheer@wijkteam-wedloop.nl");
        await WebApp.Post(admin, "/organisatie", "/organisatie?handler=Invite", [new("email", "wedloop@elders.nl"), new("rol", "lid")]);
        var link = LinkIn(app.LatestMailTo("wedloop@elders.nl"), "/uitnodiging/");

        var accepted = await WebApp.Post(app.Client(), link, link, [new("naam", "Via uitnodiging"), new("wachtwoord", Password), new("herhaal", Password)]);

        Assert.Equal(HttpStatusCode.Conflict, accepted.StatusCode);
        Assert.Contains("Er is al een account met het e-mailadres wedloop@elders.nl", await accepted.TextAsync(), StringComparison.Ordinal);
        Assert.Equal("Elders", (await app.MemberAsync("wedloop@elders.nl")).DisplayName);
        // The invitation was not used up by the attempt.
        Assert.Null((await app.WithDbAsync((db, _) => db.Invitations.AsNoTracking().SingleAsync(i => i.Email == "wedloop@elders.nl"))).AcceptedAt);
    }

    private sealed class App : WebApp
    {
        protected override void ReplaceServices(IServiceCollection services)
        {
            services.RemoveAll<IUserValidator<Member>>();
            services.AddScoped<IUserValidator<Member>, AccountSavedMeanwhile>();
        }
    }

    /// <summary>When an account for a "wedloop" address is about to be saved, another request saves one first.</summary>
    private sealed class AccountSavedMeanwhile(IServiceScopeFactory scopes) : IUserValidator<Member>
    {
        private static readonly AsyncLocal<bool> Racing = new();

        public async Task<IdentityResult> ValidateAsync(UserManager<Member> manager, Member user)
        {
            if (!Racing.Value && user.Email?.StartsWith("wedloop@", StringComparison.Ordinal) == true)
            {
                Racing.Value = true;
                using var scope = scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<ImpactkaartDb>();
                var organisation = new Organisation { Id = Guid.CreateVersion7(), Name = "Elders", CreatedAt = DateTime.UtcNow };
                db.Organisations.Add(organisation);
                await db.SaveChangesAsync();
                var other = new Member
                {
                    Id = Guid.CreateVersion7(), OrganisationId = organisation.Id, UserName = user.Email, Email = user.Email, DisplayName = "Elders",
                    Role = MemberRole.Admin, JoinedAt = DateTime.UtcNow,
                };
                await scope.ServiceProvider.GetRequiredService<UserManager<Member>>().CreateAsync(other, Password);
                Racing.Value = false;
            }
            return IdentityResult.Success;
        }
    }
}
