using MultiModel.ModelHost.Models;
using MultiModel.ModelHost.Rollout;

namespace MultiModel.ModelHost.Tests.Rollout;

public sealed class CandidateWatchTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-12-06T02:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
    private static readonly CandidateRollout Candidate = new(3, 10, Now);

    [Fact]
    public void Record_EveryRequestFails_TripsAtMinRequests()
    {
        var watch = new CandidateWatch("m", Candidate, RolloutGuardrails.Default);

        var trips = Enumerable.Range(0, 49).Select(_ => watch.Record(VersionRole.Candidate, serverError: true, latencyMs: 1, Now)).ToArray();

        Assert.Equal(RolloutGuardrails.Default.MinRequests - 1, Array.FindIndex(trips, trip => trip is not null));
        Assert.Equal(100, watch.Trip!.ErrorPercent);
        Assert.Single(trips, trip => trip is not null); // reported once; it stays tripped
    }

    [Theory]
    [InlineData(1, false)] // one failure in 20 is 5%: not over the 5% allowed
    [InlineData(2, true)]
    public void Record_ErrorShareAroundTheThreshold_TripsOnlyOverIt(int failures, bool trips)
    {
        var watch = new CandidateWatch("m", Candidate, RolloutGuardrails.Default);

        for (var i = 0; i < 20; i++)
        {
            watch.Record(VersionRole.Candidate, serverError: i < failures, latencyMs: 1, Now);
        }

        Assert.Equal(trips, watch.Trip is not null);
    }

    [Theory]
    [InlineData(10.0, 3.0, true)]   // 3.3x and 7 ms more
    [InlineData(0.5, 0.1, false)]   // 5x but only 0.4 ms more: scheduling noise on a tiny model
    [InlineData(5.0, 3.0, false)]   // 1.7x: within 2x
    public void Record_CandidateSlowerThanStable_TripsPastRatioAndFloor(double candidateMs, double stableMs, bool trips)
    {
        var watch = new CandidateWatch("m", Candidate, RolloutGuardrails.Default);

        for (var i = 0; i < 30; i++)
        {
            watch.Record(VersionRole.Stable, serverError: false, stableMs, Now);
            watch.Record(VersionRole.Candidate, serverError: false, candidateMs, Now);
        }

        Assert.Equal(trips, watch.Trip is not null);
        Assert.True(!trips || watch.Trip!.Reason.Contains("median latency", StringComparison.Ordinal));
    }

    [Fact]
    public void Record_OldFailuresSlideOutOfTheWindow_NoTrip()
    {
        var guardrails = new RolloutGuardrails(WindowRequests: 20, MinRequests: 20, MaxErrorPercent: 5);
        var watch = new CandidateWatch("m", Candidate, guardrails);

        watch.Record(VersionRole.Candidate, serverError: true, latencyMs: 1, Now); // 1 of 20: 5%, allowed
        for (var i = 0; i < 19; i++)
        {
            watch.Record(VersionRole.Candidate, serverError: false, latencyMs: 1, Now);
        }

        watch.Record(VersionRole.Candidate, serverError: true, latencyMs: 1, Now); // the first has slid out: still 1 of 20

        Assert.Null(watch.Trip);
    }
}
