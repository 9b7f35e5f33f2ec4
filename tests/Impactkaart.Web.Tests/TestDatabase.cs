using Impactkaart.Web.Data;
using Npgsql;

namespace Impactkaart.Web.Tests;

/// <summary>The two databases the product runs on.</summary>
public enum Store
{
    Sqlite,
    Postgres,
}

/// <summary>
/// A fresh, empty database of its own for one test app: a SQLite file in a temporary folder, or a new database on
/// the PostgreSQL server that ./test.sh starts (IMPACTKAART_TEST_POSTGRES). Removed again on dispose.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    public const string PostgresVariable = "IMPACTKAART_TEST_POSTGRES";

    private readonly string? folder;
    private readonly string? postgresName;

    public TestDatabase(Store store)
    {
        Store = store;
        if (store == Store.Sqlite)
        {
            folder = Path.Combine(Path.GetTempPath(), "impactkaart-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            ConnectionString = $"Data Source={Path.Combine(folder, "impactkaart.db")}";
        }
        else
        {
            Needs.Check(Needs.Postgres);
            postgresName = "t_" + Guid.NewGuid().ToString("N");
            using (var connection = new NpgsqlConnection(ServerConnectionString))
            {
                connection.Open();
                using var command = new NpgsqlCommand($"CREATE DATABASE {postgresName}", connection);
                command.ExecuteNonQuery();
            }
            ConnectionString = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = postgresName }.ConnectionString;
        }
    }

    public Store Store { get; }

    public string ConnectionString { get; }

    public DatabaseProvider Provider => Store == Store.Sqlite ? DatabaseProvider.Sqlite : DatabaseProvider.PostgreSql;

    /// <summary>"Sqlite" or "PostgreSQL", as the setting Database:Provider takes it.</summary>
    public string ProviderSetting => Store == Store.Sqlite ? "Sqlite" : "PostgreSQL";

    /// <summary>The SQLite file, for tests that copy or inspect it.</summary>
    public string SqliteFile => new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString).DataSource;

    /// <summary>A folder of this database's own for files (mail pickup, backups).</summary>
    public string Folder => folder ?? EnsureFolder();

    /// <summary>The PostgreSQL server's maintenance connection. Without ./test.sh's server, the test fails saying so.</summary>
    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{PostgresVariable} is not set: run the tests with ./test.sh, which starts a PostgreSQL server for them.");

    private string? extraFolder;

    private string EnsureFolder()
    {
        extraFolder ??= Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "impactkaart-tests", Guid.NewGuid().ToString("N"))).FullName;
        return extraFolder;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        foreach (var path in new[] { folder, extraFolder })
        {
            if (path is not null && Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        if (postgresName is not null)
        {
            using var connection = new NpgsqlConnection(ServerConnectionString);
            connection.Open();
            using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {postgresName} WITH (FORCE)", connection);
            command.ExecuteNonQuery();
        }
    }
}
