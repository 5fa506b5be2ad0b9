using System.Security.Cryptography;
using CustomerApi.Infrastructure.Auth;
using Microsoft.Data.Sqlite;

namespace CustomerApi.Bootstrap;

/// <summary>
/// The embedded default (SQLite, no store configured, no <c>Admin:Key</c>) has an admin key of its own: made at its first
/// start and kept beside the database file, in <c>&lt;database&gt;.admin-key</c> (readable by its owner only), so a test
/// suite finds the same key on every start. An in-memory database gets a new key each start.
/// </summary>
public static class EmbeddedAdminKey
{
    public const string FileSuffix = ".admin-key";

    /// <returns>The key and the file it is kept in (null for an in-memory database), or null when this is not the embedded default.</returns>
    public static (string Key, string? File)? UseIfEmbeddedDefault(WebApplication app, bool demoSeeded)
    {
        var adminKey = app.Services.GetRequiredService<AdminKey>();
        if (!demoSeeded || adminKey.IsConfigured || !string.Equals(app.Configuration["Storage:Provider"] ?? "Sqlite", "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var connection = new SqliteConnectionStringBuilder(app.Configuration.GetConnectionString("Sqlite") ?? Data.StorageSetup.DefaultSqliteConnection);
        var inMemory = connection.Mode == SqliteOpenMode.Memory || connection.DataSource is "" or ":memory:";
        var file = inMemory ? null : Path.GetFullPath(connection.DataSource) + FileSuffix;
        var key = file is null ? NewKey() : LoadOrCreate(file);
        adminKey.Use(key);
        return (key, file);
    }

    private static string LoadOrCreate(string file)
    {
        if (File.Exists(file) && File.ReadAllText(file).Trim() is { Length: >= 16 } kept)
        {
            return kept;
        }

        var key = NewKey();
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(file, options))
        {
            writer.WriteLine(key);
        }

        return key;
    }

    private static string NewKey() => "admin-" + RandomNumberGenerator.GetHexString(32, lowercase: true);
}
