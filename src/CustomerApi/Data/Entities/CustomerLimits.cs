namespace CustomerApi.Data.Entities;

/// <summary>Column sizes, shared by the schema and the validators so no value can overflow a column.</summary>
public static class CustomerLimits
{
    public const int Name = 100;
    public const int NameKey = 2 * Name + 1;
    public const int Email = 250;
    public const int Company = 255;
    public const int Phone = 50;
    public const int TaxExemptCategory = 255;
    public const int RegistrationIpAddress = 50;
    public const int Notes = 65_535;
    public const decimal MaxStoreCredit = 999_999_999_999.9999m;
}
