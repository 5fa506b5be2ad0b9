using System.Data.Common;
using CustomerApi.Data;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerApi.Tests.Infrastructure;

/// <summary>Counts the commands the service sends to its database; give <see cref="Services"/> to a factory of the test's own.</summary>
public sealed class QueryCounter : DbCommandInterceptor
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Services(IServiceCollection services) =>
        services.ConfigureDbContext<CustomerDbContext>(options => options.AddInterceptors(this));

    /// <summary>EF makes a command for every statement it sends (query, scalar or not), so counting them counts statements.</summary>
    public override DbCommand CommandCreated(CommandEndEventData eventData, DbCommand result)
    {
        Interlocked.Increment(ref _count);
        return result;
    }
}
