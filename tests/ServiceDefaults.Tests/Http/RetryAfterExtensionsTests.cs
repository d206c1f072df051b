using Microsoft.AspNetCore.Http;
using MultiModel.ServiceDefaults.Http;

namespace MultiModel.ServiceDefaults.Tests.Http;

public sealed class RetryAfterExtensionsTests
{
    [Theory]
    [InlineData(5_000, "5")]
    [InlineData(4_200, "5")] // rounded up: a client that waits the whole seconds given never comes back early
    [InlineData(1, "1")]
    [InlineData(0, "1")] // never "0", which reads as "retry at once"
    [InlineData(-3_000, "1")]
    [InlineData(90_000, "90")]
    public void SetRetryAfter_Milliseconds_WholeSecondsAtLeastOne(int milliseconds, string expected)
    {
        var context = new DefaultHttpContext();

        context.Response.SetRetryAfter(TimeSpan.FromMilliseconds(milliseconds));

        Assert.Equal(expected, context.Response.Headers.RetryAfter.ToString());
    }
}
