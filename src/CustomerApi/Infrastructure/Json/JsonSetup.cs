using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerApi.Infrastructure.Json;

public static class JsonSetup
{
    /// <summary>Answers are application/json, never HTML: write ' and &amp; as they are, as BigCommerce does, not as \u0027.</summary>
    public static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    /// <summary>
    /// Wire names are snake_case and exact (the web defaults would also take "Phone" and "PHONE"); numbers must be
    /// numbers (the web defaults would read "0" as 0); a key sent twice is refused rather than silently last-wins;
    /// text that cannot be stored is refused (<see cref="StorableTextConverter"/>).
    /// </summary>
    public static IServiceCollection AddBcJson(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            o.SerializerOptions.PropertyNameCaseInsensitive = false;
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            o.SerializerOptions.AllowDuplicateProperties = false;
            o.SerializerOptions.Encoder = Encoder;
            o.SerializerOptions.Converters.Add(new StorableTextConverter());
        });
}
