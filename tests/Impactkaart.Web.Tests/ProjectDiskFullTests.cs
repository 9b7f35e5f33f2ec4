using System.Data.Common;
using System.Net;
using Impactkaart.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Impactkaart.Web.Tests;

/// <summary>
/// The app on a SQLite file that can be made full: while <see cref="DiskFull"/> is set, every connection the app
/// opens may not grow the file by a single page (PRAGMA max_page_count), so a save that needs a new page fails
/// with SQLITE_FULL in SQLite itself, through the real save path, as on a full disk.
/// </summary>
public sealed class DiskFullWebApp : WebApp
{
    public bool DiskFull { get; set; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
            services.ConfigureDbContext<SqliteImpactkaartDb>(options => options.AddInterceptors(new PageLimit(this))));
    }

    /// <summary>
    /// Rewrites the file with 512-byte pages and nothing free, so the next saved version (larger than a page)
    /// needs new overflow pages: the limit then fails it for certain, whatever room other pages have left.
    /// </summary>
    public void Compact()
    {
        SqliteConnection.ClearAllPools();
        using var connection = new SqliteConnection(Database.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=DELETE; PRAGMA page_size=512; VACUUM; PRAGMA journal_mode=WAL;";
        command.ExecuteNonQuery();
    }

    private sealed class PageLimit(DiskFullWebApp app) : DbConnectionInterceptor
    {
        // Setting a limit below the file's size sets it to the file's size: not one page more.
        private string Pragma => app.DiskFull ? "PRAGMA max_page_count = 1;" : "PRAGMA max_page_count = 1073741823;";

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragma;
            command.ExecuteNonQuery();
        }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            var command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.CommandText = Pragma;
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }
}

/// <summary>A full disk on save: the previous version stays as it was, the user reads why and keeps their input.</summary>
public sealed class ProjectDiskFullTests(DiskFullWebApp app) : IClassFixture<DiskFullWebApp>
{
    private const string LongName = "Geld op orde in de wijken Noord, Oost en Centrum, samen met de schuldhulp van de gemeente, de voedselbank en de woningcorporaties, met vrijwilligers van de kerken en het buurthuis";

    [Fact]
    public async Task A_full_disk_on_save_keeps_the_previous_version_and_the_users_input_and_saving_works_again_after()
    {
        var client = await app.RegisterAsync("Welzijn Vol", "beheer@welzijn-vol.nl");
        KeyValuePair<string, string>[] plan = [new("ref", "budgetcoaching"), new("naam", LongName), new("deelnemers", "80"), new("kosten", "90000")];
        var id = await ProjectTests.CreateAsync(client, plan);
        KeyValuePair<string, string>[] changed = [.. plan.Where(f => f.Key != "deelnemers"), new("deelnemers", "65"), new("a.intensiteit", "meer"), new("a.uitvoering", "vooral-beroepskrachten")];

        app.Compact();
        app.DiskFull = true;
        HttpResponseMessage full;
        HttpResponseMessage fullNew;
        try
        {
            full = await ProjectTests.SaveAsync(client, id, 1, changed);
            fullNew = await WebApp.Post(client, ProjectTests.Map, "/projecten/nieuw", changed);
        }
        finally
        {
            app.DiskFull = false;
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, full.StatusCode);
        var body = WebUtility.HtmlDecode(await full.Content.ReadAsStringAsync());
        Assert.Contains("De server heeft geen schijfruimte meer", body, StringComparison.Ordinal);
        Assert.Contains("de vorige versie van het project is ongewijzigd bewaard", body, StringComparison.Ordinal);
        Assert.Contains("name=\"deelnemers\" value=\"65\"", body, StringComparison.Ordinal);
        Assert.Contains("Opnieuw proberen op te slaan", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, fullNew.StatusCode);
        Assert.Contains("De server heeft geen schijfruimte meer", WebUtility.HtmlDecode(await fullNew.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ImpactkaartDb>();
            var project = await db.Projects.SingleAsync(p => p.Id == id);
            Assert.Equal((1, 1), (project.Revision, project.LatestVersion));
            Assert.Equal(1, await db.ProjectVersions.CountAsync(v => v.ProjectId == id));
            Assert.Equal(1, await db.Projects.CountAsync());
        }
        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/projecten/{id}"));
        Assert.Contains("Eerste versie", page, StringComparison.Ordinal);
        Assert.Contains("€ 1,90 per geïnvesteerde euro", WebApp.VisibleText(page), StringComparison.Ordinal);

        // With room again, the same input saves as version 2.
        Assert.Equal(HttpStatusCode.Redirect, (await ProjectTests.SaveAsync(client, id, 1, changed)).StatusCode);
        Assert.Contains("Deelnemers: 80 → 65", WebUtility.HtmlDecode(await client.GetStringAsync($"/projecten/{id}")), StringComparison.Ordinal);
    }
}
