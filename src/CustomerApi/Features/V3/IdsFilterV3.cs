using CustomerApi.Infrastructure.Querying;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;

namespace CustomerApi.Features.V3;

/// <summary>The <c>id:in</c> query of the V3 batch deletes. Absent (or empty), nothing is deleted.</summary>
public sealed record IdsFilterV3 : IQueryFilter
{
    public static readonly IReadOnlySet<string> Names = new HashSet<string>(StringComparer.Ordinal) { "id:in" };

    [FromQuery(Name = "id:in")] public string? IdIn { get; init; }

    public required HttpRequest Request { get; init; }

    public int[] Ids => IdList.Parse(IdIn) ?? [];
}

public sealed class IdsFilterV3Validator : AbstractValidator<IdsFilterV3>
{
    public IdsFilterV3Validator()
    {
        this.OnlyKnownFilters(IdsFilterV3.Names);
        RuleFor(f => f.IdIn).MustBeIdList("id:in");
    }
}
