using System.Linq.Expressions;
using CustomerApi.Data.Entities;

namespace CustomerApi.Features.V3.Attributes;

public static class AttributeMapping
{
    public static readonly Expression<Func<CustomerAttribute, AttributeV3>> Projection =
        a => new AttributeV3(a.Id, a.Name, a.Type, a.DateCreated, a.DateModified);

    private static readonly Func<CustomerAttribute, AttributeV3> Compiled = Projection.Compile();

    public static AttributeV3 ToV3(this CustomerAttribute attribute) => Compiled(attribute);
}
