namespace CustomerApi.Data.Entities;

/// <summary>A row with the two dates every BigCommerce resource carries and filters on.</summary>
public interface IDated
{
    DateTime DateCreated { get; }
    DateTime DateModified { get; }
}
