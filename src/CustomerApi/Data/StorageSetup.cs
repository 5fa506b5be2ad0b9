using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CustomerApi.Data;

public enum StorageProvider { Sqlite, Postgres }

public static class StorageSetup
{
    public const string DefaultSqliteConnection = "Data Source=customerapi.db";

    /// <summary><c>Storage:Provider</c> = Sqlite (default) or Postgres, with <c>ConnectionStrings:Sqlite|Postgres</c>.</summary>
    public static StorageProvider AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var name = configuration["Storage:Provider"];
        var provider = string.IsNullOrWhiteSpace(name) ? StorageProvider.Sqlite
            : Enum.TryParse<StorageProvider>(name, ignoreCase: true, out var parsed) ? parsed
            : throw new InvalidOperationException($"Storage:Provider must be Sqlite or Postgres, not '{name}'.");

        services.AddDbContextPool<CustomerDbContext>(options =>
        {
            if (provider == StorageProvider.Postgres)
            {
                var connection = configuration.GetConnectionString("Postgres")
                    ?? throw new InvalidOperationException("Storage:Provider is Postgres but ConnectionStrings:Postgres is not set.");
                options.UseNpgsql(connection);
            }
            else
            {
                options.UseSqlite(configuration.GetConnectionString("Sqlite") ?? DefaultSqliteConnection);
            }

            options.UseSnakeCaseNamingConvention();
            // Migrations are hand-written and carry no model snapshot; SchemaMatchesModelTests guards them instead.
            options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        });
        return provider;
    }
}
