using System.Net;
using System.Text.RegularExpressions;
using Impactkaart.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Impactkaart.Web.Tests;

/// <summary>
/// Organisation A never sees or changes organisation B's data, tested for every route and handler of the app, not a
/// sample: the table below names each one with what it may expose, and a test fails when the app has a route or
/// handler the table does not know, so a new page cannot be added without deciding how it is isolated.
/// </summary>
public abstract partial class IsolationTests(WebApp app)
{
    private const string ForeignProject = "Geheim project van B";
    private const string ForeignMemberName = "Collega van B";
    private const string ForeignMemberEmail = "collega@organisatie-b.nl";
    private const string ForeignInvitee = "genodigde@organisatie-b.nl";

    /// <summary>What a route can reach.</summary>
    private enum Reach
    {
        /// <summary>Nothing of any organisation (wizard, map, methodology, account forms).</summary>
        Public,

        /// <summary>The signed-in member's own organisation, with no id in the address (lists, exports, members).</summary>
        OwnOrganisation,

        /// <summary>One project, by the id in its address.</summary>
        ProjectById,

        /// <summary>A member or invitation, by an id in the posted form.</summary>
        MemberOrInvitationById,

        /// <summary>One share link of a project, by the link's id in the posted form.</summary>
        ShareLinkById,

        /// <summary>An API key of the organisation, by its id in the posted form (the admin page's revoke).</summary>
        ApiKeyById,

        /// <summary>The API with organisation A's key (sent by the test), no id in the address: A's own projects only.</summary>
        ApiKeyOwnOrganisation,

        /// <summary>The API with organisation A's key, one project by the id in its address (B's id: 404).</summary>
        ApiKeyProject,

        /// <summary>One project's connection to a funder, by its id in the posted form, on the member's own project's address.</summary>
        FundingById,

        /// <summary>A provider-funder relation, by its id in the posted form (either side's page).</summary>
        FunderRelationById,

        /// <summary>
        /// A funder's view of connected projects (the council report, the funder API): only the funder's own accepted
        /// connections; an organisation that funds nothing finds nothing (403 or 404), another's connection id is 404.
        /// </summary>
        FunderOnly,

        /// <summary>A secret token in the address (share link, invitation): anyone with it may use it, a guess finds nothing.</summary>
        Token,

        /// <summary>One connection of a funder to a project, by the id in its address: only the funder's own visible ones.</summary>
        FundingInAddress,
    }

    /// <summary>Every route and handler: "METHOD /route-template[ Handler]".</summary>
    private static readonly Dictionary<string, Reach> Routes = new(StringComparer.Ordinal)
    {
        ["GET /"] = Reach.Public,
        ["POST /"] = Reach.Public,
        ["GET /fout"] = Reach.Public,
        ["POST /fout"] = Reach.Public,
        ["PUT /fout"] = Reach.Public,
        ["DELETE /fout"] = Reach.Public,
        ["PATCH /fout"] = Reach.Public,
        ["GET /verantwoording"] = Reach.Public,
        ["GET /stap-1"] = Reach.Public,
        ["POST /stap-1"] = Reach.Public,
        ["GET /stap-2"] = Reach.Public,
        ["POST /stap-2"] = Reach.Public,
        ["GET /stap-3"] = Reach.Public,
        ["POST /stap-3"] = Reach.Public,
        ["GET /kaart"] = Reach.Public,
        ["POST /kaart"] = Reach.Public,
        ["GET /kaart/pdf"] = Reach.Public,
        ["GET /kaart/xlsx"] = Reach.Public,
        ["GET /kaart/png"] = Reach.Public,
        ["GET /kaart/svg"] = Reach.Public,
        ["GET /kaart/json"] = Reach.Public,
        ["GET /taal/{code}"] = Reach.Public,
        ["GET /gezondheid"] = Reach.Public,
        ["GET /registreren"] = Reach.Public,
        ["POST /registreren"] = Reach.Public,
        ["GET /registreren/bevestigen/{token}"] = Reach.Token,
        ["POST /registreren/bevestigen/{token}"] = Reach.Token,
        ["GET /inloggen"] = Reach.Public,
        ["POST /inloggen"] = Reach.Public,
        ["POST /uitloggen"] = Reach.Public,
        ["GET /wachtwoord-vergeten"] = Reach.Public,
        ["POST /wachtwoord-vergeten"] = Reach.Public,
        ["GET /wachtwoord-herstellen"] = Reach.Public,
        ["POST /wachtwoord-herstellen"] = Reach.Public,
        ["GET /uitnodiging/{token}"] = Reach.Token,
        ["POST /uitnodiging/{token}"] = Reach.Token,
        ["GET /gedeeld/{token}/{handler:regex(^pdf$)?}"] = Reach.Token,
        ["GET /gedeeld/{token}/{handler:regex(^pdf$)?} Pdf"] = Reach.Token,
        ["GET /projecten"] = Reach.OwnOrganisation,
        ["GET /projecten/export.{format}"] = Reach.OwnOrganisation,
        ["GET /organisatie"] = Reach.OwnOrganisation,
        ["POST /organisatie Invite"] = Reach.OwnOrganisation,
        ["POST /organisatie Role"] = Reach.MemberOrInvitationById,
        ["POST /organisatie Remove"] = Reach.MemberOrInvitationById,
        ["POST /organisatie Revoke"] = Reach.MemberOrInvitationById,
        ["GET /organisatie/logboek"] = Reach.OwnOrganisation,
        ["GET /projecten/proefdata"] = Reach.OwnOrganisation,
        ["POST /projecten/proefdata"] = Reach.OwnOrganisation,
        ["GET /projecten/nieuw"] = Reach.OwnOrganisation,
        ["POST /projecten/nieuw"] = Reach.OwnOrganisation,
        ["GET /projecten/{id:guid}"] = Reach.ProjectById,
        ["GET /projecten/{id:guid}/opslaan"] = Reach.ProjectById,
        ["POST /projecten/{id:guid}/opslaan"] = Reach.ProjectById,
        ["GET /projecten/{id:guid}/versies/{nummer:int}"] = Reach.ProjectById,
        ["GET /projecten/{id:guid}/verwijderen"] = Reach.ProjectById,
        ["POST /projecten/{id:guid}/verwijderen"] = Reach.ProjectById,
        ["GET /projecten/{id:guid}/delen"] = Reach.ProjectById,
        ["POST /projecten/{id:guid}/delen"] = Reach.ProjectById,
        ["POST /projecten/{id:guid}/delen Revoke"] = Reach.ShareLinkById,
        ["GET /projecten/{id:guid}/financiers"] = Reach.ProjectById,
        ["POST /projecten/{id:guid}/financiers"] = Reach.ProjectById,
        ["POST /projecten/{id:guid}/financiers Disconnect"] = Reach.FundingById,
        ["POST /organisatie Kind"] = Reach.OwnOrganisation,
        ["POST /organisatie EndFunder"] = Reach.FunderRelationById,
        ["GET /financier/aanbieders"] = Reach.OwnOrganisation,
        ["POST /financier/aanbieders Accept"] = Reach.FunderRelationById,
        ["POST /financier/aanbieders End"] = Reach.FunderRelationById,
        ["GET /organisatie/api-sleutels"] = Reach.OwnOrganisation,
        ["POST /organisatie/api-sleutels Create"] = Reach.OwnOrganisation,
        ["POST /organisatie/api-sleutels Revoke"] = Reach.ApiKeyById,
        ["POST /api/v1/compute"] = Reach.Public,
        ["GET /api/v1/model"] = Reach.Public,
        ["GET /api/v1/ping"] = Reach.Public,
        ["POST /api/v1/batch"] = Reach.Public,
        ["GET /api/v1/projects"] = Reach.ApiKeyOwnOrganisation,
        ["POST /api/v1/projects"] = Reach.ApiKeyOwnOrganisation,
        ["GET /api/v1/projects/{id:guid}"] = Reach.ApiKeyProject,
        ["PUT /api/v1/projects/{id:guid}"] = Reach.ApiKeyProject,
        ["GET /api/v1/projects/{id:guid}/map.pdf"] = Reach.ApiKeyProject,
        ["GET /api/v1/projects/{id:guid}/map.xlsx"] = Reach.ApiKeyProject,
        ["GET /api/v1/projects/{id:guid}/map.json"] = Reach.ApiKeyProject,
        ["GET /api/v1/funder/portfolio"] = Reach.FunderOnly,
        ["GET /api/v1/funder/projects/{fundingId:guid}"] = Reach.FunderOnly,
        ["GET /api/v1/funder/projects/{fundingId:guid}/agreements"] = Reach.FunderOnly,
        ["GET /financier/raadsrapportage.{format}"] = Reach.FunderOnly,
        ["GET /api/v1/openapi.json"] = Reach.Public,
        ["GET /api/docs/{documentName?}"] = Reach.Public,
        ["GET /api/docs/scalar.js"] = Reach.Public,
        ["GET /api/docs/scalar.aspnetcore.js"] = Reach.Public,
        ["GET /api/docs/favicon.svg"] = Reach.Public,
        ["GET /financier/projecten/{fundingId:guid}/afspraken"] = Reach.FundingInAddress,
        ["POST /financier/projecten/{fundingId:guid}/afspraken"] = Reach.FundingInAddress,
        ["POST /financier/projecten/{fundingId:guid}/afspraken Withdraw"] = Reach.FundingInAddress,
        ["GET /projecten/{id:guid}/afspraken"] = Reach.ProjectById,
        ["POST /projecten/{id:guid}/afspraken Accept"] = Reach.ProjectById,
        ["POST /projecten/{id:guid}/afspraken Decline"] = Reach.ProjectById,
        ["POST /projecten/{id:guid}/afspraken Report"] = Reach.ProjectById,
        ["GET /financier"] = Reach.OwnOrganisation,
        ["GET /financier/export.{format}"] = Reach.OwnOrganisation,
        ["GET /financier/proefdata"] = Reach.OwnOrganisation,
        ["POST /financier/proefdata"] = Reach.OwnOrganisation,
        ["GET /financier/projecten/{fundingId:guid}"] = Reach.FundingInAddress,
    };

    [Fact]
    public async Task Every_route_and_handler_of_the_app_is_in_the_isolation_table()
    {
        var routes = await AppRoutesAsync();

        Assert.Empty(routes.Except(Routes.Keys));
        Assert.Empty(Routes.Keys.Except(routes));
    }

    [Fact]
    public async Task A_member_of_one_organisation_finds_nothing_of_another_on_any_route()
    {
        var b = await OrganisationBAsync();
        var (a, aProject) = await OrganisationAAsync();
        var token = await AntiforgeryTokenAsync(a);
        var aKey = await ApiKeyAdminTests.CreateKeyAsync(a, "Sleutel van A", "read-write");
        var checkedRoutes = new List<string>();

        // Signing out last: after it the member's form token is no longer theirs.
        foreach (var (route, reach) in Routes.OrderBy(r => r.Key == "POST /uitloggen"))
        {
            var (method, template, handler) = Split(route);
            foreach (var url in Urls(template, reach, b, aProject))
            {
                var address = handler is null ? url : url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "handler=" + handler;
                using var request = new HttpRequestMessage(new HttpMethod(method), address);
                if (reach is Reach.ApiKeyOwnOrganisation or Reach.ApiKeyProject || (reach == Reach.FunderOnly && template.StartsWith("/api/", StringComparison.Ordinal)))
                {
                    // A valid project with A's own revision, so only the id in the address keeps B's project safe.
                    request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", aKey);
                    request.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"1\""));
                    request.Content = method == "GET" ? null : ApiProjectsTests.Body(ApiProjectsTests.Plan);
                }
                else if (method != "GET")
                {
                    request.Content = new FormUrlEncodedContent(Form(token, b));
                }
                using var response = await a.SendAsync(request);
                var body = await ReadableBodyAsync(response);
                var where = $"{route} as {address}";

                if (reach is Reach.ProjectById or Reach.MemberOrInvitationById or Reach.ShareLinkById or Reach.Token or Reach.ApiKeyById or Reach.ApiKeyProject
                    or Reach.FundingById or Reach.FunderRelationById or Reach.FundingInAddress)
                {
                    Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone,
                        $"{where} answered {(int)response.StatusCode}, not 'not found'");
                }
                else if (reach == Reach.FunderOnly)
                {
                    // A is no funder: it finds nothing here, whatever id it tries.
                    Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound,
                        $"{where} answered {(int)response.StatusCode}, not 'forbidden' or 'not found'");
                }
                else if (template != "/fout")
                {
                    // (The error page answers with the status it reports: 500 when opened as such.)
                    Assert.True((int)response.StatusCode < 500, $"{where} answered {(int)response.StatusCode}");
                }
                Assert.DoesNotContain(ForeignProject, body, StringComparison.Ordinal);
                Assert.DoesNotContain(ForeignMemberName, body, StringComparison.Ordinal);
                Assert.DoesNotContain(ForeignMemberEmail, body, StringComparison.Ordinal);
                Assert.DoesNotContain(ForeignInvitee, body, StringComparison.Ordinal);
                checkedRoutes.Add(route);
            }
        }

        Assert.Equal(Routes.Count, checkedRoutes.Distinct().Count());
        await AssertUnchangedAsync(b);
    }

    /// <summary>What organisation B has: a project with two versions, a share link, a colleague, an open invitation, an API key, and its project connected to a funder.</summary>
    private sealed record Foreign(Guid ProjectId, int Revision, int LatestVersion, Guid ShareLinkId, Guid MemberId, Guid InvitationId, Guid OrganisationId)
    {
        public Guid ApiKeyId { get; init; }

        public Guid FundingId { get; init; }

        public Guid RelationId { get; init; }
    }

    private async Task<Foreign> OrganisationBAsync()
    {
        var bEmail = $"beheer-{Guid.NewGuid():N}@organisatie-b.nl";
        var b = await app.RegisterAsync("Organisatie B", bEmail);
        var projectId = await ProjectTests.CreateAsync(b, [.. ProjectTests.Plan.Where(f => f.Key != "naam"), new("naam", ForeignProject)]);
        var saved = await ProjectTests.SaveAsync(b, projectId, 1,
            [.. ProjectTests.Plan.Where(f => f.Key is not ("naam" or "deelnemers")), new("naam", ForeignProject), new("deelnemers", "90")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var shared = await WebApp.Post(b, $"/projecten/{projectId}/delen", $"/projecten/{projectId}/delen", [new("label", "Voor de gemeente")]);
        Assert.Equal(HttpStatusCode.OK, shared.StatusCode);
        var invited = await WebApp.Post(b, "/organisatie", "/organisatie?handler=Invite", [new("email", ForeignInvitee), new("rol", "lid")]);
        Assert.True(invited.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"inviting gave {(int)invited.StatusCode}");

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ImpactkaartDb>();
        var project = await db.Projects.SingleAsync(p => p.Id == projectId);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Member>>();
        var colleague = new Member
        {
            Id = Guid.NewGuid(), OrganisationId = project.OrganisationId, UserName = ForeignMemberEmail, Email = ForeignMemberEmail,
            DisplayName = ForeignMemberName, Role = MemberRole.Member, JoinedAt = DateTime.UtcNow,
        };
        Assert.True((await users.CreateAsync(colleague, "een lange zin als wachtwoord")).Succeeded);
        await ApiKeyAdminTests.CreateKeyAsync(b, "Sleutel van B", "read-write");
        var apiKeyId = await db.ApiKeys.Where(k => k.OrganisationId == project.OrganisationId).Select(k => k.Id).SingleAsync();
        var funding = await app.ConnectAsync(await app.MemberAsync(bEmail), projectId, await app.OrganisationAsync("Gemeente van B", funder: true));
        var relationId = await db.FunderRelations.Where(r => r.ProviderId == project.OrganisationId).Select(r => r.Id).SingleAsync();
        return new Foreign(
            projectId, project.Revision, project.LatestVersion,
            (await db.ShareLinks.SingleAsync(s => s.ProjectId == projectId)).Id,
            colleague.Id,
            (await db.Invitations.SingleAsync(i => i.Email == ForeignInvitee)).Id,
            project.OrganisationId) { ApiKeyId = apiKeyId, FundingId = funding.Id, RelationId = relationId };
    }

    private async Task<(HttpClient Client, Guid ProjectId)> OrganisationAAsync()
    {
        var a = await app.RegisterAsync("Organisatie A", $"beheer-{Guid.NewGuid():N}@organisatie-a.nl");
        var project = await ProjectTests.CreateAsync(a, ProjectTests.Plan);
        return (a, project);
    }

    /// <summary>The addresses to try for a route: B's ids where the route takes an id, a guessed token where it takes one.</summary>
    private static IEnumerable<string> Urls(string template, Reach reach, Foreign b, Guid ownProject)
    {
        var projectId = reach is Reach.ShareLinkById or Reach.FundingById ? ownProject : b.ProjectId;
        var path = template
            .Replace("{id:guid}", projectId.ToString(), StringComparison.Ordinal)
            // B's project's connection to its own funder: A is not that funder.
            .Replace("{fundingId:guid}", b.FundingId.ToString(), StringComparison.Ordinal)
            .Replace("{nummer:int}", "1", StringComparison.Ordinal)
            .Replace("{token}", "geraden-" + Guid.NewGuid().ToString("N"), StringComparison.Ordinal)
            .Replace("/{handler:regex(^pdf$)?}", "", StringComparison.Ordinal)
            .Replace("{code}", "en", StringComparison.Ordinal)
            .Replace("{documentName?}", "", StringComparison.Ordinal);
        if (template.Contains("{format}", StringComparison.Ordinal))
        {
            return [.. new[] { "csv", "xlsx", "pdf" }.Select(format => path.Replace("{format}", format, StringComparison.Ordinal))];
        }
        if (reach == Reach.Public && !template.StartsWith("/taal", StringComparison.Ordinal))
        {
            // A state that points at B's project, as a crafted address would.
            return [path + "?" + string.Join('&', ProjectTests.Plan.Select(f => f.Key + "=" + Uri.EscapeDataString(f.Value))) +
                $"&project={b.ProjectId}&revisie={b.Revision}"];
        }
        return [path];
    }

    /// <summary>A form carrying every id field a page reads, each set to one of B's ids, plus a valid map state.</summary>
    private static IEnumerable<KeyValuePair<string, string>> Form(string token, Foreign b) =>
    [
        new("__RequestVerificationToken", token),
        .. ProjectTests.Plan,
        new("project", b.ProjectId.ToString()), new("revisie", b.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("lid", b.MemberId.ToString()), new("uitnodiging", b.InvitationId.ToString()), new("link", b.ShareLinkId.ToString()),
        new("rol", "beheerder"), new("herberekenen", "1"), new("label", "van A"),
        new("sleutel", b.ApiKeyId.ToString()),
        new("afspraak", b.ProjectId.ToString()), new("soort", "deelnemers"), new("doel", "80"), new("datum", "31-12-2027"),
        new("aantal", "12"), new("verhaal", "van A"),
        new("koppeling", b.FundingId.ToString()), new("relatie", b.RelationId.ToString()),
        new("financier", b.OrganisationId.ToString()), new("regeling", "van A"),
    ];

    private async Task AssertUnchangedAsync(Foreign b)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ImpactkaartDb>();
        var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == b.ProjectId);
        Assert.Null(project.DeletedAt);
        Assert.Equal(b.Revision, project.Revision);
        Assert.Equal(b.LatestVersion, project.LatestVersion);
        Assert.Null((await db.ShareLinks.AsNoTracking().SingleAsync(s => s.Id == b.ShareLinkId)).RevokedAt);
        Assert.Equal(1, await db.ShareLinks.CountAsync(s => s.ProjectId == b.ProjectId));
        var colleague = await db.Users.AsNoTracking().SingleAsync(m => m.Id == b.MemberId);
        Assert.Null(colleague.RemovedAt);
        Assert.Equal(MemberRole.Member, colleague.Role);
        Assert.Null((await db.Invitations.AsNoTracking().SingleAsync(i => i.Id == b.InvitationId)).RevokedAt);
        Assert.Equal(2, await db.Users.CountAsync(m => m.OrganisationId == b.OrganisationId));
        Assert.Null((await db.ApiKeys.AsNoTracking().SingleAsync(k => k.Id == b.ApiKeyId)).RevokedAt);
        Assert.NotNull((await db.FunderRelations.AsNoTracking().SingleAsync(r => r.Id == b.RelationId)).AcceptedAt);
        Assert.Equal("Welzijn 2026", (await db.FundedProjects.AsNoTracking().SingleAsync(f => f.Id == b.FundingId)).Scheme);
    }

    /// <summary>The body as a user would read it; an Excel file as the text of its cells.</summary>
    private static async Task<string> ReadableBodyAsync(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (response.Content.Headers.ContentType?.MediaType == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        {
            using var stream = new MemoryStream(bytes);
            return string.Join('\n', MiniExcelLibs.MiniExcel.Query(stream).Select(row => string.Join(';', ((IDictionary<string, object?>)row).Values)));
        }
        return WebUtility.HtmlDecode(System.Text.Encoding.UTF8.GetString(bytes));
    }

    private static async Task<string> AntiforgeryTokenAsync(HttpClient client)
    {
        var html = await client.GetStringAsync("/organisatie");
        return TokenField().Match(html).Groups[1].Value;
    }

    private static (string Method, string Template, string? Handler) Split(string route)
    {
        var parts = route.Split(' ');
        return (parts[0], parts[1], parts.Length > 2 ? parts[2] : null);
    }

    /// <summary>Every route of the running app with its methods and named page handlers, as the table writes them.</summary>
    private async Task<HashSet<string>> AppRoutesAsync()
    {
        using var client = app.Client();
        var sources = app.Services.GetRequiredService<EndpointDataSource>();
        var loader = app.Services.GetRequiredService<PageLoader>();
        var routes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in sources.Endpoints.OfType<RouteEndpoint>())
        {
            var template = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                routes.Add("GET " + template);
                foreach (var handler in compiled.HandlerMethods)
                {
                    routes.Add($"{handler.HttpMethod.ToUpperInvariant()} {template}{(handler.Name is null ? "" : " " + handler.Name)}");
                }
            }
            else if (endpoint.Metadata.GetMetadata<HttpMethodMetadata>() is { } methods)
            {
                foreach (var method in methods.HttpMethods)
                {
                    routes.Add($"{method} {template}");
                }
            }
        }
        return routes;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}

public sealed class SqliteIsolationTests(WebApp app) : IsolationTests(app), IClassFixture<WebApp>;

[Trait(Needs.Trait, Needs.Postgres)]
public sealed class PostgresIsolationTests(PostgresWebApp app) : IsolationTests(app), IClassFixture<PostgresWebApp>;
