using System.Net;
using Impactkaart.Web.Data;
using Microsoft.EntityFrameworkCore;
using static Impactkaart.Web.Tests.AccountTestSupport;

namespace Impactkaart.Web.Tests;

/// <summary>An admin manages members and invitations; other members only read; another organisation is never found.</summary>
public abstract class OrganisationMembersTests(WebApp app)
{
    [Fact]
    public async Task A_member_who_is_not_an_admin_reads_the_members_but_cannot_change_anything()
    {
        var admin = await app.RegisterAsync("Huis van de Wijk", "beheer@huisvandewijk.nl");
        var member = await app.InviteAndAcceptAsync(admin, "kees@huisvandewijk.nl", "Kees Jansen");
        await WebApp.Post(admin, "/organisatie", "/organisatie?handler=Invite", [new("email", "open@huisvandewijk.nl"), new("rol", "lid")]);
        var beheer = await app.MemberAsync("beheer@huisvandewijk.nl");
        var invitationId = await app.WithDbAsync((db, _) => db.Invitations.Where(i => i.Email == "open@huisvandewijk.nl").Select(i => i.Id).SingleAsync());

        var page = await member.TextAsync("/organisatie");
        Assert.Contains("Beheerder Huis van de Wijk", page, StringComparison.Ordinal);
        Assert.Contains("Kees Jansen", page, StringComparison.Ordinal);
        Assert.Contains("open@huisvandewijk.nl", page, StringComparison.Ordinal);
        Assert.Contains("Alleen een beheerder kan collega's uitnodigen en leden beheren.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Logboek", page, StringComparison.Ordinal);

        (string Handler, KeyValuePair<string, string>[] Fields)[] attempts =
        [
            ("Invite", [new("email", "indringer@huisvandewijk.nl"), new("rol", "beheerder")]),
            ("Role", [new("lid", beheer.Id.ToString()), new("rol", "lid")]),
            ("Remove", [new("lid", beheer.Id.ToString())]),
            ("Revoke", [new("uitnodiging", invitationId.ToString())]),
        ];
        foreach (var (handler, fields) in attempts)
        {
            var response = await WebApp.Post(member, "/organisatie", "/organisatie?handler=" + handler, fields);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains("Dit mag alleen een beheerder van uw organisatie. Er is niets veranderd.", await response.TextAsync(), StringComparison.Ordinal);
        }
        var after = await app.MemberAsync("beheer@huisvandewijk.nl");
        Assert.Equal(MemberRole.Admin, after.Role);
        Assert.Null(after.RemovedAt);
        Assert.False(await app.WithDbAsync((db, _) => db.Invitations.AnyAsync(i => i.Email == "indringer@huisvandewijk.nl")));
        Assert.Null((await app.WithDbAsync((db, _) => db.Invitations.AsNoTracking().SingleAsync(i => i.Id == invitationId))).RevokedAt);
        var log = await member.GetAsync("/organisatie/logboek");
        Assert.Equal(HttpStatusCode.Forbidden, log.StatusCode);
        Assert.Contains("Geen toegang", await log.TextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_changes_a_role_and_the_last_admin_cannot_demote_or_remove_themself()
    {
        var admin = await app.RegisterAsync("Wijkkracht", "beheer@wijkkracht.nl");
        var colleague = await app.InviteAndAcceptAsync(admin, "noor@wijkkracht.nl", "Noor de Vries");
        var beheer = await app.MemberAsync("beheer@wijkkracht.nl");
        var noor = await app.MemberAsync("noor@wijkkracht.nl");

        var demoteSelf = await WebApp.Post(admin, "/organisatie", "/organisatie?handler=Role", [new("lid", beheer.Id.ToString()), new("rol", "lid")]);
        Assert.Equal(HttpStatusCode.BadRequest, demoteSelf.StatusCode);
        Assert.Contains("U bent de enige beheerder. Maak eerst een collega beheerder", await demoteSelf.TextAsync(), StringComparison.Ordinal);
        var removeSelf = await WebApp.Post(admin, "/organisatie", "/organisatie?handler=Remove", [new("lid", beheer.Id.ToString())]);
        Assert.Equal(HttpStatusCode.BadRequest, removeSelf.StatusCode);
        Assert.Contains("U bent de enige beheerder", await removeSelf.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(MemberRole.Admin, (await app.MemberAsync("beheer@wijkkracht.nl")).Role);

        var promoted = await WebApp.Post(admin, "/organisatie", "/organisatie?handler=Role", [new("lid", noor.Id.ToString()), new("rol", "beheerder")]);
        Assert.Equal(HttpStatusCode.Redirect, promoted.StatusCode);
        Assert.Equal(MemberRole.Admin, (await app.MemberAsync("noor@wijkkracht.nl")).Role);
        // Noor reads the admin forms from her next page on: the role is read from the store, not from her cookie.
        Assert.Contains("Collega uitnodigen", await colleague.TextAsync("/organisatie"), StringComparison.Ordinal);

        var demoted = await WebApp.Post(admin, "/organisatie", "/organisatie?handler=Role", [new("lid", beheer.Id.ToString()), new("rol", "lid")]);
        Assert.Equal(HttpStatusCode.Redirect, demoted.StatusCode);
        Assert.Equal(MemberRole.Member, (await app.MemberAsync("beheer@wijkkracht.nl")).Role);
        Assert.DoesNotContain("Collega uitnodigen", await admin.TextAsync("/organisatie"), StringComparison.Ordinal);
        var audit = await app.AuditAsync(beheer.OrganisationId);
        Assert.Contains(audit, a => a.Action == "member.role-changed" && a.Subject.Contains("Noor de Vries", StringComparison.Ordinal) && a.Detail == "Lid → Beheerder");
        Assert.Contains(audit, a => a.Action == "member.role-changed" && a.Subject.Contains("beheer@wijkkracht.nl", StringComparison.Ordinal) && a.Detail == "Beheerder → Lid");
    }

    [Fact]
    public async Task A_removed_member_is_signed_out_at_the_next_page_and_cannot_sign_in_again()
    {
        var admin = await app.RegisterAsync("Thuis in de Buurt", "beheer@thuisindebuurt.nl");
        var removed = await app.InviteAndAcceptAsync(admin, "piet@thuisindebuurt.nl", "Piet Bakker");
        Assert.Equal(HttpStatusCode.OK, (await removed.GetAsync("/organisatie")).StatusCode);
        var piet = await app.MemberAsync("piet@thuisindebuurt.nl");

        var response = await WebApp.Post(admin, "/organisatie", "/organisatie?handler=Remove", [new("lid", piet.Id.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var members = await admin.TextAsync("/organisatie?gedaan=verwijderd");
        Assert.Contains("Het lid is verwijderd en kan niet meer inloggen.", members, StringComparison.Ordinal);
        Assert.DoesNotContain("Piet Bakker", members, StringComparison.Ordinal);

        var next = await removed.GetAsync("/organisatie");
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        // The removal changed the member's security stamp, so the session ends at once and the sign-in page asks again.
        Assert.Equal("/inloggen", new Uri(new Uri("http://localhost"), next.Headers.Location!).AbsolutePath);
        Assert.DoesNotContain("Piet Bakker", await removed.GetStringAsync("/"), StringComparison.Ordinal);
        var again = await SignInAsync(app.Client(), "piet@thuisindebuurt.nl");
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("Het e-mailadres of het wachtwoord klopt niet.", await again.TextAsync(), StringComparison.Ordinal);
        var stored = await app.MemberAsync("piet@thuisindebuurt.nl");
        Assert.NotNull(stored.RemovedAt);
        Assert.True(stored.LockoutEnd > DateTimeOffset.UtcNow.AddYears(100));
        Assert.Contains(await app.AuditAsync(piet.OrganisationId), a => a.Action == "member.removed" && a.Subject.Contains("Piet Bakker", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_admin_revokes_an_open_invitation_and_its_link_no_longer_works()
    {
        var admin = await app.RegisterAsync("Vrijwilligerscentrale", "beheer@vrijwilligerscentrale.nl");
        await WebApp.Post(admin, "/organisatie", "/organisatie?handler=Invite", [new("email", "eva@vrijwilligerscentrale.nl"), new("rol", "lid")]);
        var link = LinkIn(app.LatestMailTo("eva@vrijwilligerscentrale.nl"), "/uitnodiging/");
        var invitation = await app.WithDbAsync((db, _) => db.Invitations.AsNoTracking().SingleAsync(i => i.Email == "eva@vrijwilligerscentrale.nl"));

        var revoked = await WebApp.Post(admin, "/organisatie", "/organisatie?handler=Revoke", [new("uitnodiging", invitation.Id.ToString())]);

        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        var page = await admin.TextAsync("/organisatie");
        Assert.DoesNotContain("eva@vrijwilligerscentrale.nl", page, StringComparison.Ordinal);
        var opened = await app.Client().GetAsync(link);
        Assert.Equal(HttpStatusCode.NotFound, opened.StatusCode);
        Assert.Contains("ingetrokken", await opened.TextAsync(), StringComparison.Ordinal);
        Assert.Contains(await app.AuditAsync(invitation.OrganisationId), a => a.Action == "invitation.revoked" && a.Subject == "eva@vrijwilligerscentrale.nl");
    }

    [Fact]
    public async Task Members_and_invitations_of_another_organisation_are_not_found_and_stay_unchanged()
    {
        var adminA = await app.RegisterAsync("Organisatie A", "beheer@organisatie-a.nl");
        var adminB = await app.RegisterAsync("Organisatie B", "beheer@organisatie-b.nl");
        await app.InviteAndAcceptAsync(adminB, "lid@organisatie-b.nl", "Lid van B");
        await WebApp.Post(adminB, "/organisatie", "/organisatie?handler=Invite", [new("email", "open@organisatie-b.nl"), new("rol", "lid")]);
        var memberB = await app.MemberAsync("lid@organisatie-b.nl");
        var invitationB = await app.WithDbAsync((db, _) => db.Invitations.Where(i => i.Email == "open@organisatie-b.nl").Select(i => i.Id).SingleAsync());

        Assert.DoesNotContain("Lid van B", await adminA.TextAsync("/organisatie"), StringComparison.Ordinal);
        (string Handler, KeyValuePair<string, string>[] Fields)[] attempts =
        [
            ("Role", [new("lid", memberB.Id.ToString()), new("rol", "beheerder")]),
            ("Remove", [new("lid", memberB.Id.ToString())]),
            ("Revoke", [new("uitnodiging", invitationB.ToString())]),
        ];
        foreach (var (handler, fields) in attempts)
        {
            var response = await WebApp.Post(adminA, "/organisatie", "/organisatie?handler=" + handler, fields);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("Pagina niet gevonden", await response.TextAsync(), StringComparison.Ordinal);
        }
        var after = await app.MemberAsync("lid@organisatie-b.nl");
        Assert.Equal(MemberRole.Member, after.Role);
        Assert.Null(after.RemovedAt);
        Assert.Null((await app.WithDbAsync((db, _) => db.Invitations.AsNoTracking().SingleAsync(i => i.Id == invitationB))).RevokedAt);
    }
}

public sealed class SqliteOrganisationMembersTests(WebApp app) : OrganisationMembersTests(app), IClassFixture<WebApp>;

public sealed class PostgresOrganisationMembersTests(PostgresWebApp app) : OrganisationMembersTests(app), IClassFixture<PostgresWebApp>;
