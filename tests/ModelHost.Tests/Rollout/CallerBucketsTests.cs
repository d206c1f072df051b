using MultiModel.ModelHost.Rollout;

namespace MultiModel.ModelHost.Tests.Rollout;

public sealed class CallerBucketsTests
{
    [Fact]
    public void PointOf_SameCaller_SamePointEveryTime()
    {
        var first = CallerBuckets.PointOf("iris", "caller-17", new Random(1));

        Assert.All(Enumerable.Range(0, 10), _ => Assert.Equal(first, CallerBuckets.PointOf("iris", "caller-17", new Random(2))));
    }

    [Fact]
    public void PointOf_ManyCallers_SpreadEvenlyOverTheRange()
    {
        var points = Enumerable.Range(0, 10_000).Select(i => CallerBuckets.PointOf("iris", $"caller-{i}", Random.Shared)).ToArray();

        Assert.All(points, point => Assert.InRange(point, 0, 100));
        foreach (var share in new[] { 1, 10, 20, 50, 90 })
        {
            // Binomial: 3 standard deviations at 10,000 draws is at most 1.5 points.
            Assert.InRange(100.0 * points.Count(point => point < share) / points.Length, share - 1.5, share + 1.5);
        }
    }

    [Fact]
    public void PointOf_OtherModel_PlacesTheCallerIndependently()
    {
        var callers = Enumerable.Range(0, 2000).Select(i => $"caller-{i}").ToArray();

        var inBoth = callers.Count(caller => CallerBuckets.PointOf("iris", caller, Random.Shared) < 20 && CallerBuckets.PointOf("fraud", caller, Random.Shared) < 20);

        Assert.InRange(inBoth, 40, 120); // 4% of 2000 if independent; 400 if the same callers came first everywhere
    }

    [Fact]
    public void PointOf_NoCallerKey_DrawsFromTheRandomGiven()
    {
        Assert.Equal(new Random(5).NextDouble() * 100, CallerBuckets.PointOf("iris", null, new Random(5)));
        Assert.Equal(new Random(6).NextDouble() * 100, CallerBuckets.PointOf("iris", "", new Random(6)));
    }
}
