namespace Impactkaart.Web.Tests;

/// <summary>
/// A database that cannot be used at start: the real app process stops soon, with a non-zero exit code and a Dutch
/// message that names the setting to fix, never a stack trace.
/// </summary>
[Trait(Needs.Trait, Needs.Process)]
public sealed class StartupTests : IDisposable
{
    private static readonly TimeSpan Sensible = TimeSpan.FromSeconds(30);

    private readonly string folder = Directory.CreateDirectory(
        Path.Combine(Path.GetTempPath(), "impactkaart-tests", Guid.NewGuid().ToString("N"))).FullName;

    public static TheoryData<string, string, string, string> BadSettings() => new()
    {
        // Database:Provider, ConnectionStrings:Impactkaart ("" = not set), the setting named, a fragment of the Dutch message
        { "PostgreSQL", "Host=127.0.0.1;Port=1;Database=impactkaart;Username=impactkaart", "ConnectionStrings:Impactkaart", "De database is niet te gebruiken" },
        { "PostgreSQL", "", "ConnectionStrings:Impactkaart", "Voor PostgreSQL is de instelling" },
        { "Oracle", "", "Database:Provider", "kies \"Sqlite\" of \"PostgreSQL\"" },
        { "PostgreSQL", "dit is geen verbinding", "ConnectionStrings:Impactkaart", "is geen geldige verbinding" },
        { "Sqlite", "dit is geen verbinding", "ConnectionStrings:Impactkaart", "is geen geldige verbinding" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task A_database_that_cannot_be_used_stops_the_start_with_the_setting_named(
        string provider, string connection, string setting, string message)
    {
        var (exitCode, output, elapsed) = await AppProcess.RunAsync(folder, new Dictionary<string, string?>
        {
            ["Database__Provider"] = provider,
            ["ConnectionStrings__Impactkaart"] = connection.Length == 0 ? null : connection,
        }, Sensible);

        AssertStoppedWithMessage(exitCode, output, elapsed, setting, message);
    }

    [Fact]
    public async Task A_sqlite_file_in_a_folder_that_cannot_be_made_stops_the_start_with_the_setting_named()
    {
        // A folder below a plain file cannot be created, not even by root (CI runs as root, so permissions would not do).
        var file = Path.Combine(folder, "een-bestand");
        await File.WriteAllTextAsync(file, "geen map");

        var (exitCode, output, elapsed) = await AppProcess.RunAsync(folder, new Dictionary<string, string?>
        {
            ["Database__Provider"] = "Sqlite",
            ["ConnectionStrings__Impactkaart"] = $"Data Source={Path.Combine(file, "data", "impactkaart.db")}",
        }, Sensible);

        AssertStoppedWithMessage(exitCode, output, elapsed, "ConnectionStrings:Impactkaart", "De database is niet te gebruiken");
    }

    [Fact]
    public async Task A_database_server_that_accepts_but_never_answers_stops_the_start_within_the_connect_timeout()
    {
        // A hung server or a proxy in the way: the connection opens, no answer ever comes.
        using var silent = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        silent.Start();
        var port = ((System.Net.IPEndPoint)silent.LocalEndpoint).Port;

        var (exitCode, output, elapsed) = await AppProcess.RunAsync(folder, new Dictionary<string, string?>
        {
            ["Database__Provider"] = "PostgreSQL",
            ["ConnectionStrings__Impactkaart"] = $"Host=127.0.0.1;Port={port};Database=impactkaart;Username=impactkaart;Timeout=3",
        }, Sensible);

        AssertStoppedWithMessage(exitCode, output, elapsed, "ConnectionStrings:Impactkaart", "De database is niet te gebruiken");
    }

    [Fact]
    public async Task A_migrate_setting_that_is_not_true_or_false_stops_the_start_with_the_setting_named()
    {
        var (exitCode, output, elapsed) = await AppProcess.RunAsync(folder, new Dictionary<string, string?>
        {
            ["Database__Migrate"] = "misschien",
            ["ConnectionStrings__Impactkaart"] = $"Data Source={Path.Combine(folder, "impactkaart.db")}",
        }, Sensible);

        AssertStoppedWithMessage(exitCode, output, elapsed, "Database:Migrate", "kies true of false");
    }

    [Fact]
    public async Task A_first_start_on_a_fresh_database_prints_no_key_ring_warning_a_newcomer_cannot_place()
    {
        using var app = await AppProcess.StartAsync(folder, new Dictionary<string, string?>
        {
            ["ConnectionStrings__Impactkaart"] = $"Data Source={Path.Combine(folder, "impactkaart.db")}",
        }, Sensible);
        using var http = new HttpClient { BaseAddress = await app.Address };

        // A form page makes the first data-protection key (its anti-forgery token), as a newcomer's first visit does.
        using var page = await http.GetAsync("/registreren");

        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain("warn: Microsoft.AspNetCore.DataProtection", app.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("XML encryptor", app.Output, StringComparison.Ordinal);
    }

    private static void AssertStoppedWithMessage(int exitCode, string output, TimeSpan elapsed, string setting, string message)
    {
        Assert.NotEqual(0, exitCode);
        Assert.True(elapsed < Sensible, $"The app took {elapsed} to give up.");
        Assert.Contains(setting, output, StringComparison.Ordinal);
        Assert.Contains(message, output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"(?m)^\s+at \S+\(", output);
    }

    public void Dispose()
    {
        Directory.Delete(folder, recursive: true);
    }
}
