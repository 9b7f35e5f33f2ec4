using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Impactkaart.Web.Tests;

/// <summary>
/// The real app process is killed (SIGKILL: no shutdown, as in a crash or power cut) in the middle of a burst of
/// concurrent saves, and started again on the same database: every save it had confirmed is there, and the database
/// is consistent. The saves are registrations (a new organisation, its admin and an audit entry in one transaction).
/// </summary>
public abstract class CrashTests(Store store)
{
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
        var confirmed = new ConcurrentBag<string>();

        using (var app = await AppProcess.StartAsync(database.Folder, settings))
        {
            var address = await app.Address;
            for (var i = 0; i < 2; i++)
            {
                Assert.True(await RegisterAsync(address, i, confirmed), app.Output);
            }

            // A burst of concurrent saves; the process dies once a few of them are confirmed, with the rest in flight.
            var burstConfirmed = 0;
            var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var burst = Enumerable.Range(100, 30).Select(async i =>
            {
                if (await RegisterAsync(address, i, confirmed) && Interlocked.Increment(ref burstConfirmed) == 3)
                {
                    enough.TrySetResult();
                }
            }).ToList();
            await enough.Task.WaitAsync(TimeSpan.FromSeconds(30));
            app.Kill();
            await Task.WhenAll(burst);
            Assert.True(burst.Count > confirmed.Count - 2, "Every save of the burst was confirmed before the kill: nothing was in flight.");
        }

        using (var restarted = await AppProcess.StartAsync(database.Folder, settings))
        {
            var address = await restarted.Address;
            await using var db = database.Open();
            var emails = await db.Users.Select(m => m.Email!).ToListAsync();
            Assert.All(confirmed, email => Assert.Contains(email, emails));
            // A save is all or nothing: every organisation has its admin and its audit entry, and nothing more.
            Assert.Equal(await db.Organisations.CountAsync(), emails.Count);
            Assert.Equal(emails.Count, await db.AuditEntries.CountAsync(a => a.Action == "organisation.created"));
            Assert.Equal(0, await db.Users.CountAsync(m => !db.Organisations.Any(o => o.Id == m.OrganisationId)));
            if (store == Store.Sqlite)
            {
                AssertSqliteIntact(database.SqliteFile);
            }

            // The confirmed accounts work after the restart, and the app takes new saves.
            foreach (var email in new[] { "beheer000@crash.example.nl", confirmed.Max()! })
            {
                using var client = ClientFrom(address, 200);
                var signedIn = await WebApp.Post(client, "/inloggen", "/inloggen", [new("email", email), new("wachtwoord", Password)]);
                Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
            }
            Assert.True(await RegisterAsync(address, 201, confirmed), restarted.Output);
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

    /// <summary>Registers organisation number <paramref name="n"/>; true (and recorded) when the app confirmed it.</summary>
    private static async Task<bool> RegisterAsync(Uri address, int n, ConcurrentBag<string> confirmed)
    {
        var email = $"beheer{n:000}@crash.example.nl";
        try
        {
            using var client = ClientFrom(address, n);
            var response = await WebApp.Post(client, "/registreren", "/registreren",
            [
                new("organisatie", $"Organisatie {n}"), new("naam", $"Beheerder {n}"), new("email", email),
                new("wachtwoord", Password), new("herhaal", Password),
            ]);
            if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString == "/projecten")
            {
                confirmed.Add(email);
                return true;
            }
            return false;
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException)
        {
            return false; // in flight when the process died: not confirmed, so either outcome is right
        }
    }

    /// <summary>
    /// A client that connects from loopback address 127.0.1.<paramref name="n"/>: the sign-in and registration rate
    /// limit counts per client address, and these are many people, not one trying passwords.
    /// </summary>
    private static HttpClient ClientFrom(Uri address, int n)
    {
        var local = new IPAddress([127, 0, 1, (byte)n]);
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(local, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
    }
}

public sealed class SqliteCrashTests() : CrashTests(Store.Sqlite);

public sealed class PostgresCrashTests() : CrashTests(Store.Postgres);
