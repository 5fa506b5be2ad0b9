using CustomerApi.Data;
using CustomerApi.Data.Entities;
using CustomerApi.Infrastructure.Auth;
using CustomerApi.Infrastructure.Errors;
using CustomerApi.Infrastructure.OpenApi;
using CustomerApi.Services;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CustomerApi.Features.V3.Customers;

public static class CredentialsEndpoints
{
    public static RouteGroupBuilder MapCredentialsV3(this RouteGroupBuilder v3)
    {
        v3.MapPost("/customers/validate-credentials", ValidateCredentials).WithTags("Customers (V3)")
            .WithName("validateCustomerCredentials").WithSummary("Validate a customer credentials")
            .WithRequestExample(new ValidateCredentialsV3 { Email = "jane@example.com", Password = "Secret-123", ChannelId = 1 })
            .Answers(StatusCodes.Status429TooManyRequests,
                "This store's quota of credential checks for the window is spent; Retry-After and X-Retry-After give the wait in seconds.",
                () => BcErrors.TooManyRequests(ApiVersion.V3));
        return v3;
    }

    /// <summary>
    /// Whether the email (matched ignoring case and surrounding spaces) is that of a customer of the store who can log in on
    /// <c>channel_id</c> (1 when absent, as the spec says; a global customer only where the channel allows global logins),
    /// and the password is theirs. At most one customer holds an email on a channel (ChannelRules).
    /// </summary>
    public static async Task<Results<Ok<CredentialsCheckV3>, BcErrorResult>> ValidateCredentials(
        ValidateCredentialsV3 body, StoreContext store, CustomerDbContext db, PasswordService passwords, CredentialThrottle throttle,
        HttpResponse response, CancellationToken ct)
    {
        if (!throttle.TryTake(store.Id, response.Headers))
        {
            return BcErrors.TooManyRequests(ApiVersion.V3);
        }

        var emailKey = MatchKey.Of(body.Email!);
        var channel = body.ChannelId ?? ChannelRules.DefaultChannel;
        var holders = await db.Customers.AsNoTracking().Where(c => c.StoreId == store.Id && c.EmailKey == emailKey)
            .Select(c => new { c.Id, c.PasswordHash, c.ChannelIds }).ToListAsync(ct);
        var customer = holders.FirstOrDefault(c => ChannelRules.Reaches(c.ChannelIds, channel, store.Channels.AllowsGlobalLogins(channel)));
        return await passwords.IsRightAsync(db, store.Id, customer?.Id, customer?.PasswordHash, body.Password!, ct)
            ? TypedResults.Ok(new CredentialsCheckV3(true, customer!.Id))
            : TypedResults.Ok(new CredentialsCheckV3(false, null));
    }
}
