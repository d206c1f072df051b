using System.Net;
using System.Net.Http.Headers;
using MultiModel.Router.Forwarding;

namespace MultiModel.Router.Tests.Forwarding;

public sealed class RetryAfterTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    private static HttpResponseMessage Response(HttpStatusCode status, RetryConditionHeaderValue? retryAfter) =>
        new(status) { Headers = { RetryAfter = retryAfter } };

    [Fact]
    public void Get_DeltaSeconds_ReturnsThem()
    {
        using var response = Response(HttpStatusCode.ServiceUnavailable, new RetryConditionHeaderValue(TimeSpan.FromSeconds(3)));

        Assert.Equal(TimeSpan.FromSeconds(3), RetryAfter.Get(response, Now));
    }

    [Fact]
    public void Get_HttpDate_ReturnsTimeUntilIt()
    {
        using var response = Response(HttpStatusCode.TooManyRequests, new RetryConditionHeaderValue(Now.AddSeconds(2)));

        Assert.Equal(TimeSpan.FromSeconds(2), RetryAfter.Get(response, Now));
    }

    [Fact]
    public void Get_DateInThePast_ReturnsZero()
    {
        using var response = Response(HttpStatusCode.ServiceUnavailable, new RetryConditionHeaderValue(Now.AddSeconds(-5)));

        Assert.Equal(TimeSpan.Zero, RetryAfter.Get(response, Now));
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)] // Retry-After only means "come back" on 429 and 503.
    [InlineData(HttpStatusCode.OK)]
    public void Get_OtherStatus_ReturnsNull(HttpStatusCode status)
    {
        using var response = Response(status, new RetryConditionHeaderValue(TimeSpan.FromSeconds(1)));

        Assert.Null(RetryAfter.Get(response, Now));
    }
}
