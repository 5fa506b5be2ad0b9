namespace CustomerApi.Infrastructure.Auth;

/// <summary>BigCommerce OAuth scopes. Every scope has a <c>_read_only</c> twin that may only GET and HEAD.</summary>
public static class Scopes
{
    public const string Customers = "store_v2_customers";

    /// <summary>[spec] Stored payment instruments, a scope of their own: a customers token does not reach them.</summary>
    public const string StoredPaymentInstruments = "store_stored_payment_instruments";
    public const string ReadOnlySuffix = "_read_only";

    public static bool Allows(IReadOnlySet<string> granted, string scope, string method) =>
        granted.Contains(scope) || (IsRead(method) && granted.Contains(scope + ReadOnlySuffix));

    private static bool IsRead(string method) => HttpMethods.IsGet(method) || HttpMethods.IsHead(method);
}
