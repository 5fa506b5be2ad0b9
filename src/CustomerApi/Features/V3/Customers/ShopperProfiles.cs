using System.Security.Cryptography;
using System.Text;

namespace CustomerApi.Features.V3.Customers;

/// <summary>
/// BigCommerce gives each customer a shopper profile, a UUID (<c>include=shopper_profile_id</c>; spec example). The
/// emulator keeps no profiles; it answers a name-based UUID (RFC 9562 version 8 layout, from SHA-256) of the store and customer, the
/// same at every read and different for every customer of every store [inferred].
/// </summary>
public static class ShopperProfiles
{
    public static string IdOf(int storeId, int customerId)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.ASCII.GetBytes($"customerapi:shopper-profile:{storeId}:{customerId}"), hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true).ToString();
    }
}
