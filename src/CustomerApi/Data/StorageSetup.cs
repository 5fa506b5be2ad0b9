using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

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

        if (provider == StorageProvider.Postgres)
        {
            var connection = configuration.GetConnectionString("Postgres")
                ?? throw new InvalidOperationException("Storage:Provider is Postgres but ConnectionStrings:Postgres is not set.");
            // One pool, shared by EF and the reads that go straight through Npgsql (PostgresCustomerReads).
            services.AddSingleton(_ => NpgsqlDataSource.Create(WithHotPathDefaults(connection)));
        }

        services.AddDbContextPool<CustomerDbContext>((services, options) =>
        {
            if (provider == StorageProvider.Postgres)
            {
                options.UseNpgsql(services.GetRequiredService<NpgsqlDataSource>());
            }
            else
            {
                options.UseSqlite(configuration.GetConnectionString("Sqlite") ?? DefaultSqliteConnection);
            }

            options.UseSnakeCaseNamingConvention();
            // Migrations are hand-written and carry no model snapshot; SchemaMatchesModelTests guards them instead.
            options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning)
                // A failed save is an answer more often than a fault: a unique index refusing a racing write is a 409, a
                // client that hangs up mid-transaction cancels it. EF logs each at Error; Debug here, and what nobody
                // catches BcExceptionHandler logs once.
                .Log((CoreEventId.SaveChangesFailed, LogLevel.Debug), (RelationalEventId.CommandError, LogLevel.Debug),
                    (RelationalEventId.TransactionError, LogLevel.Debug)));
        });
        return provider;
    }

    /// <summary>
    /// The service never changes a session's state, so a pooled connection needs no <c>DISCARD ALL</c> before reuse;
    /// and it runs a few statement shapes over and over, so preparing them spares PostgreSQL the planning. Together
    /// they roughly halve the database's work for a read. A connection string that sets either keeps its own value.
    /// </summary>
    private static string WithHotPathDefaults(string connection)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connection }.Keys.Cast<string>()
            .Select(key => key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant()).ToHashSet();
        var builder = new NpgsqlConnectionStringBuilder(connection);
        if (!given.Contains("NORESETONCLOSE"))
        {
            builder.NoResetOnClose = true;
        }

        if (!given.Contains("MAXAUTOPREPARE"))
        {
            builder.MaxAutoPrepare = 64;
        }

        return builder.ConnectionString;
    }
}
