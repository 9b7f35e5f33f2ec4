using System.Text.RegularExpressions;
using Impactkaart.Web.Data;

namespace Impactkaart.Web.Tests;

/// <summary>The audit log: for admins, newest first, 50 a page, every action in plain Dutch (or its code when unknown).</summary>
public abstract partial class OrganisationAuditLogTests(WebApp app)
{
    [Fact]
    public async Task The_log_shows_the_newest_first_in_plain_dutch_fifty_a_page()
    {
        var admin = await app.RegisterAsync("Stichting Logboek", "beheer@logboek.nl");
        await WebApp.Post(admin, "/organisatie", "/organisatie?handler=Invite", [new("email", "nieuw@logboek.nl"), new("rol", "beheerder")]);
        var beheer = await app.MemberAsync("beheer@logboek.nl");
        // 118 older project saves (a minute apart, a day ago) and one action no description knows yet.
        var start = DateTime.UtcNow.AddDays(-1);
        await app.WithDbAsync(async (db, _) =>
        {
            for (var i = 1; i <= 118; i++)
            {
                db.AuditEntries.Add(new AuditEntry
                {
                    OrganisationId = beheer.OrganisationId, MemberId = beheer.Id, MemberName = "Beheerder Stichting Logboek",
                    At = start.AddMinutes(i), Action = "project.saved", Subject = $"Project {i:000}",
                });
            }
            db.AuditEntries.Add(new AuditEntry
            {
                OrganisationId = beheer.OrganisationId, MemberName = "Iemand", At = start.AddMinutes(-5), Action = "toekomst.nieuwe-actie", Subject = "Iets nieuws",
            });
            return await db.SaveChangesAsync();
        });

        var first = await admin.TextAsync("/organisatie/logboek");
        var rows = Rows(first);
        Assert.Equal(50, rows.Count);
        Assert.Contains("Collega uitgenodigd", rows[0], StringComparison.Ordinal);
        Assert.Contains("nieuw@logboek.nl", rows[0], StringComparison.Ordinal);
        Assert.Contains("Beheerder Stichting Logboek", rows[0], StringComparison.Ordinal);
        Assert.Contains("Organisatie aangemeld", rows[1], StringComparison.Ordinal);
        Assert.Contains("Project opgeslagen", rows[2], StringComparison.Ordinal);
        Assert.Contains("Project 118", rows[2], StringComparison.Ordinal);
        Assert.Contains("Project 071", rows[49], StringComparison.Ordinal);
        Assert.Contains("/organisatie/logboek?pagina=2", first, StringComparison.Ordinal);

        var third = await admin.TextAsync("/organisatie/logboek?pagina=3");
        var last = Rows(third);
        // 2 + 118 + 1 = 121 entries: 50, 50, 21.
        Assert.Equal(21, last.Count);
        Assert.Contains("Project 001", last[19], StringComparison.Ordinal);
        Assert.Contains("toekomst.nieuwe-actie", last[20], StringComparison.Ordinal);
        Assert.Contains("Iets nieuws", last[20], StringComparison.Ordinal);
        Assert.DoesNotContain("pagina=4", third, StringComparison.Ordinal);
        Assert.Contains("/organisatie/logboek?pagina=2", third, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_log_of_one_organisation_never_shows_another()
    {
        var adminA = await app.RegisterAsync("Logboek A", "beheer@logboek-a.nl");
        await app.RegisterAsync("Logboek B", "beheer@logboek-b.nl");

        var log = await adminA.TextAsync("/organisatie/logboek");

        Assert.Contains("Logboek A", log, StringComparison.Ordinal);
        Assert.DoesNotContain("Logboek B", log, StringComparison.Ordinal);
    }

    private static List<string> Rows(string html) =>
        [.. TableRow().Matches(Regex.Match(html, "<tbody>[\\s\\S]*?</tbody>").Value).Select(m => Regex.Replace(m.Value, "<[^>]+>", " "))];

    [GeneratedRegex("<tr>[\\s\\S]*?</tr>")]
    private static partial Regex TableRow();
}

public sealed class SqliteOrganisationAuditLogTests(WebApp app) : OrganisationAuditLogTests(app), IClassFixture<WebApp>;

[Trait(Needs.Trait, Needs.Postgres)]
public sealed class PostgresOrganisationAuditLogTests(PostgresWebApp app) : OrganisationAuditLogTests(app), IClassFixture<PostgresWebApp>;
