using Microsoft.Extensions.Options;
using MultiModel.Router.Logging;

namespace MultiModel.Router.Tests.Logging;

public sealed class SuccessLineSamplerTests
{
    private static SuccessLineSampler Sampler(int every, double slowMs = 1000) =>
        new(Options.Create(new RequestLogOptions { SuccessSampleEvery = every, SlowUpstream = TimeSpan.FromMilliseconds(slowMs) }));

    private static readonly TimeSpan Fast = TimeSpan.FromMilliseconds(2);

    [Fact]
    public void ShouldWrite_FastSuccesses_FirstThenOneInEvery()
    {
        var sampler = Sampler(every: 10);

        var written = Enumerable.Range(0, 25).Where(_ => sampler.ShouldWrite(200, Fast)).Count();

        Assert.Equal(3, written); // the 1st, 11th and 21st
    }

    [Theory]
    [InlineData(400)]
    [InlineData(404)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(503)]
    public void ShouldWrite_ErrorStatus_AlwaysWrittenAndNotCountedAsSuccess(int status)
    {
        var sampler = Sampler(every: 10);
        Assert.True(sampler.ShouldWrite(200, Fast)); // the first success

        Assert.All(Enumerable.Range(0, 50), _ => Assert.True(sampler.ShouldWrite(status, Fast)));
        Assert.False(sampler.ShouldWrite(200, Fast)); // the second success is still left out
    }

    [Fact]
    public void ShouldWrite_SlowSuccess_AlwaysWritten()
    {
        var sampler = Sampler(every: 100, slowMs: 500);
        sampler.ShouldWrite(200, Fast);

        Assert.All(Enumerable.Range(0, 20), _ => Assert.True(sampler.ShouldWrite(200, TimeSpan.FromMilliseconds(500))));
    }

    [Fact]
    public void ShouldWrite_EveryIsOne_EveryLineWritten()
    {
        var sampler = Sampler(every: 1);

        Assert.All(Enumerable.Range(0, 20), _ => Assert.True(sampler.ShouldWrite(200, Fast)));
    }

    [Fact]
    public async Task ShouldWrite_ConcurrentCallers_ExactlyOneInEvery()
    {
        var sampler = Sampler(every: 10);
        var written = 0;

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 1000; i++)
            {
                if (sampler.ShouldWrite(200, Fast))
                {
                    Interlocked.Increment(ref written);
                }
            }
        })));

        Assert.Equal(800, written);
    }
}
