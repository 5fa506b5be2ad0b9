using CustomerApi.Features.Admin.Requests;

namespace CustomerApi.Tests.Admin.Requests;

/// <summary>One store's ring: it grows up to its size, then keeps the newest requests only, and lists them newest first.</summary>
public sealed class StoreRequestsTests
{
    [Theory]
    [InlineData(1, 3)]
    [InlineData(3, 2)]
    [InlineData(16, 16)]
    [InlineData(16, 17)]
    [InlineData(17, 16)]
    [InlineData(17, 17)]
    [InlineData(17, 60)]
    [InlineData(100, 33)]
    [InlineData(100, 345)]
    public void The_newest_requests_up_to_the_size_come_back_newest_first(int size, int added)
    {
        var ring = new StoreRequests(size);
        for (var i = 1; i <= added; i++)
        {
            ring.Add(Request(i));
        }

        ring.Latest(int.MaxValue).Select(r => r.Status).ShouldBe(Enumerable.Range(1, added).Reverse().Take(size));
        ring.Latest(2).Select(r => r.Status).ShouldBe(Enumerable.Range(1, added).Reverse().Take(Math.Min(2, size)));
    }

    private static LoggedRequest Request(int status) => new(DateTime.UtcNow, "GET", "/", "", status, 0, "id", 0, 0, null);
}
