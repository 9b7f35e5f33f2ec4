using System.Data.Common;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Impactkaart.Web.Data;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>
/// Which database, from configuration: <c>Database:Provider</c> ("Sqlite", the default, or "PostgreSQL") and the
/// connection string <c>ConnectionStrings:Impactkaart</c>. Without one, SQLite uses App_Data/impactkaart.db beside
/// the app, created and migrated on first start.
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string ProviderKey = "Database:Provider";
    public const string ConnectionKey = "ConnectionStrings:Impactkaart";
    public const string MigrateKey = "Database:Migrate";

    public static DatabaseSettings From(IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var name = configuration[ProviderKey];
        var provider = name?.Trim().ToUpperInvariant() switch
        {
            null or "" or "SQLITE" => DatabaseProvider.Sqlite,
            "POSTGRESQL" or "POSTGRES" or "NPGSQL" => DatabaseProvider.PostgreSql,
            _ => throw new DatabaseSetupException(
                $"De instelling {ProviderKey} is \"{name}\"; kies \"Sqlite\" of \"PostgreSQL\". " +
                $"(The setting {ProviderKey} must be \"Sqlite\" or \"PostgreSQL\".)"),
        };
        var connection = configuration[ConnectionKey];
        if (string.IsNullOrWhiteSpace(connection))
        {
            if (provider == DatabaseProvider.PostgreSql)
            {
                throw new DatabaseSetupException(
                    $"Voor PostgreSQL is de instelling {ConnectionKey} nodig (omgevingsvariabele ConnectionStrings__Impactkaart), " +
                    "bijvoorbeeld \"Host=127.0.0.1;Port=5432;Database=impactkaart;Username=impactkaart;Password=...\". " +
                    $"(PostgreSQL needs the setting {ConnectionKey}.)");
            }
            connection = $"Data Source={Path.Combine(contentRoot, "App_Data", "impactkaart.db")}";
        }
        CheckFormat(provider, connection);
        return new DatabaseSettings(provider, connection);
    }

    /// <summary>Whether to migrate at start (<c>Database:Migrate</c>, default true).</summary>
    public static bool Migrate(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var value = configuration[MigrateKey];
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }
        return bool.TryParse(value.Trim(), out var migrate)
            ? migrate
            : throw new DatabaseSetupException(
                $"De instelling {MigrateKey} is \"{value}\"; kies true of false. (The setting {MigrateKey} must be true or false.)");
    }

    /// <summary>A connection string the provider cannot read is named at start, not as a stack trace on first use.</summary>
    private static void CheckFormat(DatabaseProvider provider, string connection)
    {
        try
        {
            _ = provider == DatabaseProvider.Sqlite
                ? new SqliteConnectionStringBuilder(connection).DataSource
                : new NpgsqlConnectionStringBuilder(connection).Host;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException)
        {
            throw new DatabaseSetupException(
                $"De instelling {ConnectionKey} is geen geldige verbindingstekst voor {provider} ({e.Message}). " +
                $"(The setting {ConnectionKey} is not a valid connection string.)", e);
        }
    }

    /// <summary>The connection string without its password, for messages.</summary>
    public string Describe()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            return "SQLite " + new SqliteConnectionStringBuilder(ConnectionString).DataSource;
        }
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        return $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database}";
    }
}

/// <summary>A database that cannot be used, with a message for the person who starts the app.</summary>
public sealed class DatabaseSetupException(string message, Exception? inner = null) : Exception(message, inner);

public static class DatabaseSetup
{
    /// <summary>
    /// Registers the store. The provider is chosen when the first context is made, not here, so that settings
    /// from tests and from environment variables apply.
    /// </summary>
    public static IServiceCollection AddImpactkaartDatabase(this IServiceCollection services)
    {
        services.AddSingleton(sp => DatabaseSettings.From(
            sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>().ContentRootPath));
        services.AddDbContext<SqliteImpactkaartDb>((sp, options) =>
            QuietSaveFailures(options.UseSqlite(sp.GetRequiredService<DatabaseSettings>().ConnectionString)
                .AddInterceptors(SqliteDurability.Instance)));
        services.AddDbContext<PostgresImpactkaartDb>((sp, options) =>
            QuietSaveFailures(options.UseNpgsql(sp.GetRequiredService<DatabaseSettings>().ConnectionString)));
        services.AddScoped<ImpactkaartDb>(sp => sp.GetRequiredService<DatabaseSettings>().Provider == DatabaseProvider.Sqlite
            ? sp.GetRequiredService<SqliteImpactkaartDb>()
            : sp.GetRequiredService<PostgresImpactkaartDb>());
        // Every instance reads the same key ring, so a sign-in (and a form) on one instance is valid on the others.
        services.AddDataProtection().SetApplicationName("Impactkaart").PersistKeysToDbContext<ImpactkaartDb>();
        // The keys are rows in the database, unencrypted like every other row (the database and its backups are what
        // must be guarded; docs/operations.md). The framework warns about that at the first start ("No XML encryptor
        // configured"), a warning a newcomer cannot act on; errors of the key ring still show.
        services.Configure<LoggerFilterOptions>(logging =>
            logging.AddFilter("Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager", LogLevel.Error));
        return services;
    }

    /// <summary>
    /// EF Core logs every failed save as an error with its stack trace, before the caller can tell an expected one
    /// (a save conflict, answered 409) from a real failure. Those logs go to Debug: the project store logs a conflict
    /// at Information and a full disk as an error, and anything else reaches the error handler, which logs it.
    /// </summary>
    private static DbContextOptionsBuilder QuietSaveFailures(DbContextOptionsBuilder options) =>
        options.ConfigureWarnings(w => w.Log(
            (Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.SaveChangesFailed, LogLevel.Debug),
            (Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.OptimisticConcurrencyException, LogLevel.Debug),
            (Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandError, LogLevel.Debug)));

    /// <summary>
    /// Creates and migrates the database (when <c>Database:Migrate</c> is not false). Throws
    /// <see cref="DatabaseSetupException"/> with a message that names the setting to fix.
    /// </summary>
    public static async Task PrepareAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        var configuration = services.GetRequiredService<IConfiguration>();
        var settings = services.GetRequiredService<DatabaseSettings>();
        var migrate = DatabaseSettings.Migrate(configuration);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ImpactkaartDb>();
        try
        {
            if (settings.Provider == DatabaseProvider.Sqlite)
            {
                var file = new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource;
                if (Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder)
                {
                    Directory.CreateDirectory(folder);
                }
                PrivateFiles.CreateOrRestrict(file);
            }
            if (migrate)
            {
                await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
            }
            else if (!await db.Database.CanConnectAsync(cancellationToken).ConfigureAwait(false))
            {
                throw new DatabaseSetupException(Unreachable(settings));
            }
            if (settings.Provider == DatabaseProvider.Sqlite)
            {
                // Write-ahead log: readers never wait for a save, and a save interrupted by a crash is rolled back whole.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or IOException or UnauthorizedAccessException or TimeoutException)
        {
            throw new DatabaseSetupException(Unreachable(settings) + " (" + e.Message + ")", e);
        }
    }

    private static string Unreachable(DatabaseSettings settings) =>
        $"De database is niet te gebruiken: {settings.Describe()}. Controleer de instelling {DatabaseSettings.ConnectionKey} " +
        $"(omgevingsvariabele ConnectionStrings__Impactkaart) en {DatabaseSettings.ProviderKey}. " +
        $"(The database cannot be used; check the setting {DatabaseSettings.ConnectionKey}.)";

    /// <summary>Every acknowledged save survives a crash or power cut: SQLite syncs each commit to disk.</summary>
    private sealed class SqliteDurability : DbConnectionInterceptor
    {
        public static readonly SqliteDurability Instance = new();

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000;";
            command.ExecuteNonQuery();
        }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            var command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.CommandText = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000;";
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }
}

/// <summary>Lets `dotnet ef` build each context without starting the app (for adding migrations).</summary>
internal sealed class SqliteDesignFactory : Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<SqliteImpactkaartDb>
{
    public SqliteImpactkaartDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteImpactkaartDb>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignFactory : Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<PostgresImpactkaartDb>
{
    public PostgresImpactkaartDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresImpactkaartDb>().UseNpgsql("Host=127.0.0.1;Database=design").Options);
}
