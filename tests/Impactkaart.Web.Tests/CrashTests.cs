using System.Collections.Concurrent;
using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Impactkaart.Web.Tests;

/// <summary>
/// The real app process is killed (SIGKILL: no shutdown, as in a crash or power cut) in the middle of a burst of
/// concurrent project saves (POST /projecten/nieuw, the save button of the map) and started again on the same
/// database: every save it had confirmed is there, whole, and the database is consistent.
/// </summary>
public abstract class CrashTests(Store store)
{
    private const string Email = "beheer@crashproef.nl";
    private const string Password = "een lange zin als wachtwoord";

    [Fact]
    public async Task Every_confirmed_save_survives_a_kill_in_the_middle_of_concurrent_saves()
    {
        using var database = new TestDatabase(store);
        var settings = new Dictionary<string, string?>
        {
            ["Database__Provider"] = database.ProviderSetting,
            ["ConnectionStrings__Impactkaart"] = database.ConnectionString,
        };
        var confirmed = new ConcurrentDictionary<Guid, string>();
        Guid first;

        using (var app = await AppProcess.StartAsync(database.Folder, settings))
        {
            using var member = Client(await app.Address);
            await AccountTestSupport.RegisterAndConfirmAsync(member, Path.Combine(database.Folder, "mail"), "Crashproef", Email, Password);
            var token = await TokenAsync(member);
            first = await SaveAsync(member, token, 0, confirmed) ?? throw new InvalidOperationException(app.Output);
            await SaveAsync(member, token, 1, confirmed);

            // Four members' worth of concurrent saves, each worker saving again as soon as the last one is confirmed; the
            // process dies once a few are confirmed, with a save of every worker in flight.
            var burstConfirmed = 0;
            var inFlightAtKill = 0;
            var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var workers = Enumerable.Range(1, 4).Select(async worker =>
            {
                for (var n = worker * 100; ; n++)
                {
                    if (await SaveAsync(member, token, n, confirmed) is null)
                    {
                        Interlocked.Increment(ref inFlightAtKill);
                        return;
                    }
                    if (Interlocked.Increment(ref burstConfirmed) == 8)
                    {
                        enough.TrySetResult();
                    }
                }
            }).ToList();
            await enough.Task.WaitAsync(TimeSpan.FromSeconds(30));
            app.Kill();
            await Task.WhenAll(workers).WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(4, inFlightAtKill);
        }

        using (var restarted = await AppProcess.StartAsync(database.Folder, settings))
        {
            if (store == Store.Sqlite)
            {
                AssertSqliteIntact(database.SqliteFile);
            }
            await using (var db = database.Open())
            {
                var projects = await db.Projects.ToDictionaryAsync(p => p.Id, p => p.Name);
                Assert.All(confirmed, save => Assert.Equal(save.Value, projects.GetValueOrDefault(save.Key)));
                // A save is all or nothing: each project has exactly its versions 1..LatestVersion, and no version is orphaned.
                var versions = await db.ProjectVersions.GroupBy(v => v.ProjectId).Select(g => new { g.Key, Count = g.Count(), Max = g.Max(v => v.Number) }).ToListAsync();
                Assert.Equal(projects.Keys.Order(), versions.Select(v => v.Key).Order());
                Assert.All(versions, v => Assert.True(v.Count == v.Max, $"Project {v.Key} has {v.Count} versions numbered up to {v.Max}."));
                Assert.Equal(0, await db.Projects.CountAsync(p => p.LatestVersion != db.ProjectVersions.Count(v => v.ProjectId == p.Id)));
            }

            // The member signs in on the restarted app, finds each confirmed project on its page, and saves again.
            using var member = Client(await restarted.Address);
            var signedIn = await WebApp.Post(member, "/inloggen", "/inloggen", [new("email", Email), new("wachtwoord", Password)]);
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
            foreach (var (id, name) in confirmed)
            {
                Assert.Contains($"<h1>{name}</h1>", WebUtility.HtmlDecode(await member.GetStringAsync($"/projecten/{id}")), StringComparison.Ordinal);
            }
            Assert.NotNull(await SaveAsync(member, await TokenAsync(member), 900, confirmed));
            Assert.Contains(first, confirmed.Keys);
        }
    }

    private static void AssertSqliteIntact(string file)
    {
        using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        Assert.Equal("ok", command.ExecuteScalar());
        command.CommandText = "PRAGMA foreign_key_check;";
        using var reader = command.ExecuteReader();
        Assert.False(reader.Read(), "A row points to a row that is not there.");
    }

    /// <summary>The anti-forgery token of the map page, which every save of this signed-in member may carry.</summary>
    private static async Task<string> TokenAsync(HttpClient member)
    {
        var (token, _) = await WebApp.FormToken(member, ProjectTests.Map);
        Assert.NotEmpty(token);
        return token;
    }

    /// <summary>
    /// Saves the map as new project number <paramref name="n"/>: its id when the app confirmed the save, null when the
    /// connection broke (the process died), an exception when the app refused it.
    /// </summary>
    private static async Task<Guid?> SaveAsync(HttpClient member, string token, int n, ConcurrentDictionary<Guid, string> confirmed)
    {
        var name = $"Crashproef {n:000}";
        try
        {
            using var content = new FormUrlEncodedContent(
                [.. ProjectTests.Plan.Where(f => f.Key != "naam"), new("naam", name), new("__RequestVerificationToken", token)]);
            var response = await member.PostAsync("/projecten/nieuw", content);
            var location = response.Headers.Location?.OriginalString ?? "";
            if (response.StatusCode == HttpStatusCode.Redirect && Guid.TryParse(location.Replace("/projecten/", "", StringComparison.Ordinal), out var id))
            {
                confirmed[id] = name;
                return id;
            }
            throw new InvalidOperationException($"Saving {name} was refused ({(int)response.StatusCode} {location}): {await response.Content.ReadAsStringAsync()}");
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException)
        {
            return null; // in flight when the process died: not confirmed, so either outcome is right
        }
    }

    /// <summary>A browser: keeps its cookies, does not follow redirects.</summary>
    private static HttpClient Client(Uri address) =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromSeconds(60),
        };
}

public sealed class SqliteCrashTests() : CrashTests(Store.Sqlite);

public sealed class PostgresCrashTests() : CrashTests(Store.Postgres);
