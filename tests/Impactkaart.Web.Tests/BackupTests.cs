using System.Diagnostics;
using System.Net;
using Impactkaart.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Impactkaart.Web.Tests;

/// <summary>
/// Backup and restore as docs/operations.md describes them: an organisation with projects is backed up while the
/// app runs, restored into a new database, and the app started on it finds every project and the same password.
/// </summary>
public sealed class BackupTests
{
    private const string Email = "beheer@welzijn-zuid.nl";
    private const string Password = "een lange zin als wachtwoord";

    [Fact]
    public async Task A_sqlite_backup_made_while_the_app_runs_restores_every_project_and_account()
    {
        using var app = new WebApp();
        var projects = await CreateOrganisationWithProjectsAsync(app);
        var backup = Path.Combine(app.Database.Folder, "reservekopie", "impactkaart-backup.db");

        // The command of docs/operations.md, run by the real app on the live database while the app above runs.
        var (exitCode, output, _) = await AppProcess.RunAsync(app.Database.Folder, new Dictionary<string, string?>
        {
            ["Database__Provider"] = "Sqlite",
            ["ConnectionStrings__Impactkaart"] = app.Database.ConnectionString,
        }, TimeSpan.FromSeconds(60), "backup", backup);

        Assert.True(exitCode == 0, output);
        Assert.Contains("Reservekopie gemaakt: " + backup, output, StringComparison.Ordinal);
        Assert.Equal([Path.GetFileName(backup)], Directory.GetFiles(Path.GetDirectoryName(backup)!).Select(Path.GetFileName));
        // The copy holds every account's password hash and every project: readable by its owner only, like the database.
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(PrivateFiles.OwnerOnly, File.GetUnixFileMode(backup));
        }

        // Restore: the backup becomes the database file of a new app.
        using var restored = new TestDatabase(Store.Sqlite);
        File.Copy(backup, restored.SqliteFile);
        using var restoredApp = new AppOnDatabase(restored);
        await AssertEverythingIsBackAsync(restoredApp, projects);
    }

    [Fact]
    public async Task A_backup_onto_the_live_database_or_its_files_is_refused_and_the_app_keeps_its_data()
    {
        using var app = new WebApp();
        using var client = await app.RegisterAsync("Welzijn Zuid", Email, Password);
        var live = app.Database.SqliteFile;
        var link = Path.Combine(app.Database.Folder, "koppeling.db");
        File.CreateSymbolicLink(link, live);
        Directory.CreateDirectory(Path.Combine(app.Database.Folder, "map"));
        var linkedFolder = Path.Combine(app.Database.Folder, "gekoppelde-map");
        Directory.CreateSymbolicLink(linkedFolder, app.Database.Folder);

        // The live file, a relative path with '..' to it (the command runs in the database's folder), a link to it,
        // the file through a linked folder, and its write-ahead log.
        string[] targets = [live, Path.Combine("map", "..", Path.GetFileName(live)), link, Path.Combine(linkedFolder, Path.GetFileName(live)), live + "-wal"];
        var saved = 0;
        foreach (var target in targets)
        {
            var (exitCode, output, _) = await AppProcess.RunAsync(app.Database.Folder, new Dictionary<string, string?>
            {
                ["Database__Provider"] = "Sqlite",
                ["ConnectionStrings__Impactkaart"] = app.Database.ConnectionString,
            }, TimeSpan.FromSeconds(60), "backup", target);

            Assert.True(exitCode == 1, $"{target}: {exitCode} {output}");
            Assert.Contains("is het databasebestand zelf", output, StringComparison.Ordinal);
            Assert.DoesNotContain("Reservekopie gemaakt", output, StringComparison.Ordinal);

            // The running app still saves into the file on disk: a fresh connection sees each new project.
            await ProjectTests.CreateAsync(client, [.. ProjectTests.Plan.Where(f => f.Key != "naam"), new("naam", "Project na " + target)]);
            saved++;
            Assert.Equal(saved, CountProjectsOnDisk(live));
        }
        Assert.True(File.Exists(live) && new FileInfo(live).LinkTarget is null);
    }

    private static long CountProjectsOnDisk(string file)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection(
            new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = file, Mode = Microsoft.Data.Sqlite.SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM Projects;";
        return (long)command.ExecuteScalar()!;
    }

    [Fact]
    public async Task The_backup_command_names_a_missing_database_and_leaves_no_file()
    {
        using var database = new TestDatabase(Store.Sqlite);
        var backup = Path.Combine(database.Folder, "kopie.db");

        var (exitCode, output, _) = await AppProcess.RunAsync(database.Folder, new Dictionary<string, string?>
        {
            ["ConnectionStrings__Impactkaart"] = database.ConnectionString,
        }, TimeSpan.FromSeconds(60), "backup", backup);

        Assert.Equal(1, exitCode);
        Assert.Contains("De reservekopie is niet gemaakt", output, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings:Impactkaart", output, StringComparison.Ordinal);
        Assert.False(File.Exists(backup));
        Assert.False(File.Exists(database.SqliteFile), "The command must not create an empty database.");
    }

    [Fact]
    public async Task A_postgres_dump_restored_into_a_new_database_has_every_project_and_account()
    {
        using var app = new PostgresWebApp();
        var projects = await CreateOrganisationWithProjectsAsync(app);
        var dump = Path.Combine(app.Database.Folder, "impactkaart.dump");

        await RunPostgresToolAsync("pg_dump", "--format=custom", "--file=" + dump, "--dbname=" + Conninfo(app.Database.ConnectionString));
        using var restored = new TestDatabase(Store.Postgres);
        await RunPostgresToolAsync("pg_restore", "--no-owner", "--exit-on-error", "--dbname=" + Conninfo(restored.ConnectionString), dump);

        using var restoredApp = new AppOnDatabase(restored);
        await AssertEverythingIsBackAsync(restoredApp, projects);
    }

    /// <summary>Registers an organisation and saves maps as its projects, all through the pages; returns the projects' names.</summary>
    private static async Task<List<string>> CreateOrganisationWithProjectsAsync(WebApp app)
    {
        using var client = await app.RegisterAsync("Welzijn Zuid", Email, Password);
        var names = Enumerable.Range(1, 6).Select(i => $"Schuldhulp in wijk {i}: één aanpak").ToList();
        foreach (var name in names)
        {
            await ProjectTests.CreateAsync(client, [.. ProjectTests.Plan.Where(f => f.Key != "naam"), new("naam", name)]);
        }
        return names;
    }

    private static async Task AssertEverythingIsBackAsync(AppOnDatabase app, List<string> projects)
    {
        using var client = app.Client();
        var signedIn = await WebApp.Post(client, "/inloggen", "/inloggen", [new("email", Email), new("wachtwoord", Password)]);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        // The portfolio lists every project with its figures.
        var portfolio = WebUtility.HtmlDecode(await client.GetStringAsync("/projecten"));
        Assert.Contains("Beheerder Welzijn Zuid", portfolio, StringComparison.Ordinal);
        Assert.All(projects, name => Assert.Contains($">{name}</a>", portfolio, StringComparison.Ordinal));

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ImpactkaartDb>();
        var organisation = await db.Organisations.SingleAsync();
        var restored = await db.Projects.Where(p => p.OrganisationId == organisation.Id).Select(p => p.Name).ToListAsync();
        Assert.Equal(projects.Order(StringComparer.Ordinal), restored.Order(StringComparer.Ordinal));
        Assert.Equal(projects.Count, await db.ProjectVersions.CountAsync(v => v.OrganisationId == organisation.Id));
    }

    /// <summary>A libpq connection string (what pg_dump takes) for an Npgsql one.</summary>
    private static string Conninfo(string npgsql)
    {
        var b = new NpgsqlConnectionStringBuilder(npgsql);
        return $"host={b.Host} port={b.Port} user={b.Username} dbname={b.Database}" + (b.Password is { Length: > 0 } p ? $" password={p}" : "");
    }

    /// <summary>Runs pg_dump or pg_restore from ./test.sh's PostgreSQL (IMPACTKAART_TEST_PG_BIN) or Debian's newest.</summary>
    private static async Task RunPostgresToolAsync(string tool, params string[] arguments)
    {
        var bin = Environment.GetEnvironmentVariable("IMPACTKAART_TEST_PG_BIN") is { Length: > 0 } set
            ? set
            : Directory.GetDirectories("/usr/lib/postgresql").OrderBy(d => int.Parse(Path.GetFileName(d), System.Globalization.CultureInfo.InvariantCulture)).Last() + "/bin";
        var start = new ProcessStartInfo(Path.Combine(bin, tool)) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(process.ExitCode == 0, $"{tool} failed ({process.ExitCode}): {await errors}{await output}");
    }
}
