using System.Net;
using Impactkaart.Web.Data;
using Microsoft.EntityFrameworkCore;
using static Impactkaart.Web.Tests.AccountTestSupport;

namespace Impactkaart.Web.Tests;

/// <summary>A colleague invited by email joins that organisation in the chosen role; a spent link says so.</summary>
public abstract class AccountInvitationTests(WebApp app)
{
    [Fact]
    public async Task An_invited_colleague_chooses_a_name_and_password_and_joins_that_organisation_signed_in()
    {
        var admin = await app.RegisterAsync("Stichting Samen Verder", "beheer@samenverder.nl");

        var invited = await WebApp.Post(admin, "/organisatie", "/organisatie?handler=Invite", [new("email", "fatima@samenverder.nl"), new("rol", "beheerder")]);
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        var overview = await admin.TextAsync("/organisatie");
        Assert.Contains("De uitnodiging is verstuurd", await admin.TextAsync(invited.Headers.Location!.OriginalString), StringComparison.Ordinal);
        Assert.Contains("fatima@samenverder.nl", overview, StringComparison.Ordinal);

        var mail = app.LatestMailTo("fatima@samenverder.nl");
        Assert.Contains("Stichting Samen Verder", mail, StringComparison.Ordinal);
        var link = LinkIn(mail, "/uitnodiging/");
        var colleague = app.Client();
        var page = await colleague.TextAsync(link);
        Assert.Contains("U bent uitgenodigd om als beheerder mee te werken aan de Impactkaart van Stichting Samen Verder", page, StringComparison.Ordinal);

        var accepted = await WebApp.Post(colleague, link, link, [new("naam", "Fatima el Amrani"), new("wachtwoord", Password), new("herhaal", Password)]);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Contains("Fatima el Amrani", await colleague.GetStringAsync("/"), StringComparison.Ordinal);

        var fatima = await app.MemberAsync("fatima@samenverder.nl");
        var beheer = await app.MemberAsync("beheer@samenverder.nl");
        Assert.Equal(beheer.OrganisationId, fatima.OrganisationId);
        Assert.Equal(MemberRole.Admin, fatima.Role);
        var members = await admin.TextAsync("/organisatie");
        Assert.Contains("Fatima el Amrani", members, StringComparison.Ordinal);
        Assert.Contains("Er staan geen uitnodigingen open.", members, StringComparison.Ordinal);
        var stored = await app.WithDbAsync((db, _) => db.Invitations.AsNoTracking().SingleAsync(i => i.Email == "fatima@samenverder.nl"));
        Assert.Equal(64, stored.TokenHash.Length);
        Assert.DoesNotContain(stored.TokenHash, link, StringComparison.Ordinal);
        Assert.InRange(stored.ExpiresAt - stored.CreatedAt, TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1), TimeSpan.FromDays(7));
        var audit = await app.AuditAsync(beheer.OrganisationId);
        Assert.Contains(audit, a => a.Action == "member.invited" && a.Subject == "fatima@samenverder.nl" && a.MemberId == beheer.Id);
        Assert.Contains(audit, a => a.Action == "invitation.accepted" && a.MemberId == fatima.Id);

        var reused = await app.Client().GetAsync(link);
        Assert.Equal(HttpStatusCode.NotFound, reused.StatusCode);
        Assert.Contains("Deze uitnodiging werkt niet (meer)", await reused.TextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_or_unknown_invitation_gets_a_clear_not_found_page_and_makes_no_account()
    {
        var admin = await app.RegisterAsync("Jongerenwerk Noord", "beheer@jongerenwerk-noord.nl");
        await WebApp.Post(admin, "/organisatie", "/organisatie?handler=Invite", [new("email", "sem@jongerenwerk-noord.nl"), new("rol", "lid")]);
        var link = LinkIn(app.LatestMailTo("sem@jongerenwerk-noord.nl"), "/uitnodiging/");
        await app.WithDbAsync(async (db, _) =>
        {
            var invitation = await db.Invitations.SingleAsync(i => i.Email == "sem@jongerenwerk-noord.nl");
            invitation.ExpiresAt = DateTime.UtcNow.AddMinutes(-1);
            return await db.SaveChangesAsync();
        });

        var colleague = app.Client();
        var expired = await colleague.GetAsync(link);
        Assert.Equal(HttpStatusCode.NotFound, expired.StatusCode);
        Assert.Contains("ze is verlopen (na zeven dagen), ingetrokken, of al gebruikt", await expired.TextAsync(), StringComparison.Ordinal);
        var posted = await WebApp.Post(colleague, "/inloggen", link, [new("naam", "Sem"), new("wachtwoord", Password), new("herhaal", Password)]);
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        Assert.False(await app.WithDbAsync((db, _) => db.Users.AnyAsync(m => m.Email == "sem@jongerenwerk-noord.nl")));

        var unknown = await colleague.GetAsync("/uitnodiging/" + "verzonnen-token");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("Uitnodiging niet (meer) geldig", await unknown.TextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_address_of_another_organisation_is_told_so_by_email_not_to_the_admin_who_invites_it()
    {
        var admin = await app.RegisterAsync("Mantelzorg Centraal", "beheer@mantelzorg-centraal.nl");
        await app.RegisterAsync("Andere Stichting", "anne@andere-stichting.nl");

        // The admin sees the same for an address with an account elsewhere as for one without: sent.
        var taken = await WebApp.Post(admin, "/organisatie", "/organisatie?handler=Invite", [new("email", "anne@andere-stichting.nl"), new("rol", "lid")]);
        var free = await WebApp.Post(admin, "/organisatie", "/organisatie?handler=Invite", [new("email", "nieuw@mantelzorg-centraal.nl"), new("rol", "lid")]);
        Assert.Equal(HttpStatusCode.Redirect, taken.StatusCode);
        Assert.Equal(free.Headers.Location, taken.Headers.Location);
        Assert.Contains("De uitnodiging is verstuurd.", await admin.TextAsync(taken.Headers.Location!.OriginalString), StringComparison.Ordinal);
        // The owner of the mailbox reads why they cannot join with that account, and gets no link that could not work.
        var mail = app.LatestMailTo("anne@andere-stichting.nl");
        Assert.Contains("Met dit e-mailadres heeft u al een account bij de Impactkaart, bij een andere organisatie.", mail, StringComparison.Ordinal);
        Assert.Contains("Vraag Beheerder Mantelzorg Centraal dan om een uitnodiging op een ander e-mailadres van u.", mail, StringComparison.Ordinal);
        Assert.DoesNotContain("/uitnodiging/", mail, StringComparison.Ordinal);
        Assert.Contains("/uitnodiging/", app.LatestMailTo("nieuw@mantelzorg-centraal.nl"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_colleague_who_already_is_a_member_is_named_and_a_link_to_an_address_taken_later_explains()
    {
        var admin = await app.RegisterAsync("Mantelzorg Oost", "beheer@mantelzorg-oost.nl");
        var self = await WebApp.Post(admin, "/organisatie", "/organisatie?handler=Invite", [new("email", "beheer@mantelzorg-oost.nl"), new("rol", "lid")]);
        Assert.Contains("Deze collega is al lid van uw organisatie.", await self.TextAsync(), StringComparison.Ordinal);

        // An account made elsewhere after the invitation was sent: the link explains instead of failing.
        await WebApp.Post(admin, "/organisatie", "/organisatie?handler=Invite", [new("email", "bram@mantelzorg-oost.nl"), new("rol", "lid")]);
        var link = LinkIn(app.LatestMailTo("bram@mantelzorg-oost.nl"), "/uitnodiging/");
        await app.RegisterAsync("Bram zijn eigen stichting", "bram@mantelzorg-oost.nl");
        var colleague = app.Client();
        var page = await colleague.GetAsync(link);
        Assert.Equal(HttpStatusCode.Conflict, page.StatusCode);
        Assert.Contains("Er is al een account met het e-mailadres bram@mantelzorg-oost.nl", await page.TextAsync(), StringComparison.Ordinal);
        var posted = await WebApp.Post(colleague, "/inloggen", link, [new("naam", "Bram"), new("wachtwoord", Password), new("herhaal", Password)]);
        Assert.Equal(HttpStatusCode.Conflict, posted.StatusCode);
        Assert.NotEqual((await app.MemberAsync("beheer@mantelzorg-oost.nl")).OrganisationId, (await app.MemberAsync("bram@mantelzorg-oost.nl")).OrganisationId);
    }

    [Fact]
    public async Task Accepting_with_bad_input_names_the_fields_and_keeps_the_name()
    {
        var admin = await app.RegisterAsync("Buurtkracht", "beheer@buurtkracht.nl");
        await WebApp.Post(admin, "/organisatie", "/organisatie?handler=Invite", [new("email", "lotte@buurtkracht.nl"), new("rol", "lid")]);
        var link = LinkIn(app.LatestMailTo("lotte@buurtkracht.nl"), "/uitnodiging/");

        var bad = await WebApp.Post(app.Client(), link, link, [new("naam", "Lotte"), new("wachtwoord", "kort"), new("herhaal", "kort")]);

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var text = await bad.TextAsync();
        Assert.Contains("Kies een wachtwoord van minstens 10 tekens", text, StringComparison.Ordinal);
        Assert.Contains("value=\"Lotte\"", text, StringComparison.Ordinal);
        var invitation = await app.WithDbAsync((db, _) => db.Invitations.AsNoTracking().SingleAsync(i => i.Email == "lotte@buurtkracht.nl"));
        Assert.Null(invitation.AcceptedAt);
    }
}

public sealed class SqliteAccountInvitationTests(WebApp app) : AccountInvitationTests(app), IClassFixture<WebApp>;

public sealed class PostgresAccountInvitationTests(PostgresWebApp app) : AccountInvitationTests(app), IClassFixture<PostgresWebApp>;
