using Microsoft.Data.Sqlite;

namespace Impactkaart.Web.Data;

/// <summary>
/// The command `backup &lt;file&gt;` (`dotnet run --project src/Impactkaart.Web -- backup impactkaart-2026-11-26.db`):
/// an online copy of the SQLite database, safe while the app runs, by SQLite's own backup API. It is written to a
/// temporary file beside the target, checked, and only then renamed into place, so the target is never half
/// written. PostgreSQL is backed up with pg_dump (docs/operations.md); the command says so.
/// </summary>
public static class BackupCommand
{
    public const string Name = "backup";

    /// <summary>The database file and the files SQLite keeps beside it while it is open.</summary>
    private static readonly string[] DatabaseFileSuffixes = ["", "-wal", "-shm", "-journal"];

    /// <summary>Whether the app was started to make a backup rather than to serve.</summary>
    public static bool IsRequested(string[] args) =>
        args is { Length: > 0 } && string.Equals(args[0], Name, StringComparison.OrdinalIgnoreCase);

    /// <summary>Makes the backup; returns the exit code (0 done, 1 a problem, stated on standard error).</summary>
    public static int Run(string[] args, IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length != 2 || string.IsNullOrWhiteSpace(args[1]))
        {
            Console.Error.WriteLine("Gebruik: dotnet Impactkaart.Web.dll backup <bestand>, bijvoorbeeld backup reservekopie/impactkaart-2026-11-26.db. (Usage: backup <file>)");
            return 1;
        }
        try
        {
            var settings = DatabaseSettings.From(configuration, contentRoot);
            if (settings.Provider != DatabaseProvider.Sqlite)
            {
                Console.Error.WriteLine(
                    $"De database is {settings.Describe()}: maak de reservekopie met pg_dump -Fc (zie docs/operations.md). " +
                    "(This command backs up SQLite; use pg_dump -Fc for PostgreSQL.)");
                return 1;
            }
            var target = Path.GetFullPath(args[1]);
            if (LiveFileAt(settings.ConnectionString, target) is { } live)
            {
                Console.Error.WriteLine(
                    $"De reservekopie is niet gemaakt: {args[1]} is het databasebestand zelf of een van zijn bestanden ({live}). " +
                    "Kies een ander bestand. (No backup was made: the target is the live database or one of its files; choose another file.)");
                return 1;
            }
            var size = BackUpSqlite(settings.ConnectionString, target);
            Console.WriteLine($"Reservekopie gemaakt: {target} ({size / 1024.0:0.#} kB). (Backup written to {target}.)");
            return 0;
        }
        catch (Exception e) when (e is DatabaseSetupException)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"De reservekopie is niet gemaakt: {e.Message} (No backup was made.)");
            return 1;
        }
    }

    /// <summary>
    /// The live database file (or its -wal, -shm or -journal file) that <paramref name="target"/> names, after
    /// resolving relative paths and symbolic links, or null when the target is another file. Replacing one of these
    /// would swap the database under the running app, which goes on writing to the removed file.
    /// </summary>
    public static string? LiveFileAt(string connectionString, string target)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:")
        {
            return null;
        }
        var database = RealPath(dataSource);
        var resolvedTarget = RealPath(target);
        var comparison = OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        return DatabaseFileSuffixes
            .Select(suffix => database + suffix)
            .FirstOrDefault(file => string.Equals(file, resolvedTarget, comparison));
    }

    /// <summary>The absolute path with every symbolic link on the way resolved, also in the folders above it.</summary>
    private static string RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full) ?? "/";
        var resolved = root;
        foreach (var part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(resolved, part);
            // At most 40 links in a chain, as the kernel allows; a loop is left as it is and fails later.
            for (var hops = 0; hops < 40 && new FileInfo(next).LinkTarget is { } link; hops++)
            {
                next = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(next) ?? root, link));
                next = RealPathOfParent(next, root);
            }
            resolved = next;
        }
        return resolved;
    }

    /// <summary>A link's target may itself pass through linked folders: resolve its folder, keep its name.</summary>
    private static string RealPathOfParent(string path, string root) =>
        Path.GetDirectoryName(path) is { } folder && folder != root && folder.Length < path.Length
            ? Path.Combine(RealPath(folder), Path.GetFileName(path))
            : path;

    /// <summary>Copies the live database to <paramref name="target"/> and returns the copy's size in bytes.</summary>
    public static long BackUpSqlite(string connectionString, string target)
    {
        // ReadWrite, not ReadWriteCreate: a mistyped path must fail, not back up a new empty database.
        var source = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadWrite, Pooling = false };
        if (!File.Exists(source.DataSource))
        {
            throw new IOException($"het databasebestand {source.DataSource} bestaat niet (instelling {DatabaseSettings.ConnectionKey})");
        }
        Directory.CreateDirectory(Path.GetDirectoryName(target) ?? ".");
        var temporary = target + "." + Guid.NewGuid().ToString("N")[..8] + ".deel";
        try
        {
            // The copy holds every password hash and project: readable by the owner only from its first byte, like
            // the database itself (SQLite keeps the mode of the empty file it is given).
            PrivateFiles.CreateOrRestrict(temporary);
            using (var from = new SqliteConnection(source.ConnectionString))
            using (var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = temporary, Pooling = false }.ConnectionString))
            {
                from.Open();
                to.Open();
                // Pages are copied in one read transaction: a consistent snapshot while the app goes on saving.
                from.BackupDatabase(to);
                // The copy stands alone (no write-ahead log beside it) and is whole before it takes the target's name.
                using var command = to.CreateCommand();
                command.CommandText = "PRAGMA journal_mode=DELETE;";
                command.ExecuteNonQuery();
                command.CommandText = "PRAGMA quick_check;";
                if (command.ExecuteScalar() is not "ok")
                {
                    throw new IOException("de kopie is niet in orde (PRAGMA quick_check)");
                }
            }
            File.Move(temporary, target, overwrite: true);
            return new FileInfo(target).Length;
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
