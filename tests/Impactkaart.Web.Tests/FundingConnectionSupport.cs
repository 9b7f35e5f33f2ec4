using System.Net;
using Impactkaart.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Impactkaart.Web.Tests;

/// <summary>Signing in the store-made members of providers and funders, for the connection pages' tests.</summary>
public static class FundingConnectionSupport
{
    /// <summary>A client signed in as the member, in Dutch or (with "en") in English.</summary>
    public static async Task<HttpClient> SignedInAsync(this WebApp app, Member member, string language = "nl")
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(member);
        var client = app.Client();
        var signedIn = await AccountTestSupport.SignInAsync(client, member.Email!);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        if (language == "en")
        {
            await client.GetAsync("/taal/en");
        }
        return client;
    }

    /// <summary>A funder whose admin has the given email address (its domain is what the search shows).</summary>
    public static async Task<Member> FunderAsync(this WebApp app, string name, string adminEmail)
    {
        var admin = await app.CreateAccountAsync(name, adminEmail);
        await app.WithDbAsync(async (db, _) =>
        {
            var organisation = await db.Organisations.SingleAsync(o => o.Id == admin.OrganisationId);
            organisation.IsFunder = true;
            organisation.IsProvider = false;
            return await db.SaveChangesAsync();
        });
        return admin;
    }

    /// <summary>A colleague of the admin's organisation with the plain member role.</summary>
    public static Task<Member> ColleagueAsync(this WebApp app, Member admin, string name) =>
        app.WithDbAsync(async (_, users) =>
        {
            var email = $"lid-{Guid.NewGuid():N}@collega.example.nl";
            var colleague = new Member
            {
                Id = Guid.CreateVersion7(), OrganisationId = admin.OrganisationId, UserName = email, Email = email,
                DisplayName = name, Role = MemberRole.Member, JoinedAt = DateTime.UtcNow,
            };
            Assert.True((await users.CreateAsync(colleague, AccountTestSupport.Password)).Succeeded);
            return colleague;
        });

    /// <summary>Posts a form as the signed-in member (the form token read from /organisatie).</summary>
    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, params (string Key, string Value)[] fields) =>
        WebApp.Post(client, "/organisatie", url, fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    public static Task<FunderRelation> RelationAsync(this WebApp app, Member provider, Member funder) =>
        app.WithDbAsync((db, _) => db.FunderRelations.AsNoTracking().SingleAsync(r => r.ProviderId == provider.OrganisationId && r.FunderId == funder.OrganisationId));
}
