namespace Impactkaart.Web.Data;

/// <summary>
/// Files with an organisation's data (the SQLite database, emails with reset links) are readable by the app's own
/// user only (0600 on Linux and macOS); SQLite gives its -wal and -shm files the database file's mode.
/// </summary>
public static class PrivateFiles
{
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates <paramref name="path"/> empty with mode 0600 if it is not there, else takes group and other access away.</summary>
    public static void CreateOrRestrict(string path)
    {
        if (OperatingSystem.IsWindows() || path is "" or ":memory:")
        {
            return;
        }
        if (!File.Exists(path))
        {
            using var created = new FileStream(path, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = OwnerOnly });
            return;
        }
        Restrict(path);
    }

    /// <summary>Takes group and other access away from an existing file.</summary>
    public static void Restrict(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        var mode = File.GetUnixFileMode(path);
        var owner = mode & (UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        if (mode != owner)
        {
            File.SetUnixFileMode(path, owner);
        }
    }
}
