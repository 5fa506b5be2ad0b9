namespace CustomerApi.Tests.Reliability;

/// <summary>
/// Test classes that put a whole service under a burst (a hundred racers on one store) run after all the others, one
/// at a time. The burst takes every pooled connection of the shared PostgreSQL service and, on SQLite, holds a thread
/// per racer while it waits for the file's write lock (the driver sleeps between tries), which would slow the tests
/// beside it past their timeouts, and theirs would slow it.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunsAlone
{
    public const string Name = "Reliability: runs alone";
}
