namespace CustomerApi.Features.Admin.Stores;

public sealed record AdminStore(string Hash, string Name, DateTime DateCreated);

public sealed record AdminCreatedStore(string Hash, string Name, DateTime DateCreated, AdminCreatedToken Token);

/// <summary>A token as created: the only time its secret is shown (it is kept as a SHA-256 hash).</summary>
public sealed record AdminCreatedToken(int Id, string AccessToken, IReadOnlyList<string> Scopes, DateTime DateCreated);

public sealed record AdminToken(int Id, IReadOnlyList<string> Scopes, DateTime DateCreated);

public sealed class CreateAdminStore
{
    /// <summary>The store's hash; a random one of 10 characters when none is given.</summary>
    public string? Hash { get; init; }

    public string? Name { get; init; }
}

public sealed class CreateAdminToken
{
    public List<string>? Scopes { get; init; }
}
