namespace CustomerApi.Infrastructure.Querying;

/// <summary>
/// A list answer written row by row as the database reads them, so a page of 250 large rows costs one row of memory,
/// not the whole page twice (rows and JSON).
/// </summary>
public static class StreamedPage
{
    /// <summary>
    /// Reads the first row now, so that an empty page (V2's 204) and a database that cannot answer (503) are known
    /// before the answer starts; the rest are read while it is written, each passed through <paramref name="map"/>.
    /// </summary>
    /// <returns>The whole page, or null when it is empty.</returns>
    public static async Task<IAsyncEnumerable<TOut>?> StartAsync<TIn, TOut>(IAsyncEnumerable<TIn> rows, Func<TIn, TOut> map, CancellationToken ct)
    {
        var reader = rows.GetAsyncEnumerator(ct);
        try
        {
            if (await reader.MoveNextAsync())
            {
                return Rest(reader, map);
            }
        }
        catch
        {
            await reader.DisposeAsync();
            throw;
        }

        await reader.DisposeAsync();
        return null;
    }

    private static async IAsyncEnumerable<TOut> Rest<TIn, TOut>(IAsyncEnumerator<TIn> started, Func<TIn, TOut> map)
    {
        await using (started)
        {
            do
            {
                yield return map(started.Current);
            }
            while (await started.MoveNextAsync());
        }
    }
}
