using MultiModel.Cli.Rollouts;
using MultiModel.ModelHost.Models;

namespace MultiModel.Cli.Tests.Rollouts;

public sealed class RolloutScheduleTests
{
    private static readonly DateTimeOffset Started = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(10, 599, "none", 10)]
    [InlineData(10, 600, "advanced", 50)]
    [InlineData(50, 600, "promoted", 100)]
    public void Advance_AtAStep_MovesOnlyOnceItsBakeIsOver(double percent, int secondsBaked, string action, double percentAfter)
    {
        var policy = new RolloutPolicy(1, new CandidateRollout(2, percent, Started, [10, 50, 100], 600, Started));

        var change = RolloutSchedule.Advance(policy, alarm: false, Started.AddSeconds(secondsBaked));

        Assert.Equal(action, change.Action);
        var after = change.Policy ?? policy;
        Assert.Equal(percentAfter, after.Candidate?.Percent ?? (after.Stable == 2 ? 100 : 0));
    }

    [Fact]
    public void Advance_StepStartedAtMissing_BakesFromTheRolloutsStart()
    {
        var policy = new RolloutPolicy(1, new CandidateRollout(2, 10, Started, [10, 50, 100], 60));

        Assert.Equal("advanced", RolloutSchedule.Advance(policy, false, Started.AddSeconds(60)).Action);
    }

    [Fact]
    public void Advance_ScheduleEndingBelow100_WaitsForAPromoteByHand()
    {
        var policy = new RolloutPolicy(1, new CandidateRollout(2, 50, Started, [10, 50], 0, Started));

        var change = RolloutSchedule.Advance(policy, false, Started.AddDays(1));

        Assert.Equal("none", change.Action);
        Assert.Contains("promote it by hand", change.Summary);
    }

    [Fact]
    public void Advance_AlarmWhileBaking_RollsBackAtOnce()
    {
        var policy = new RolloutPolicy(1, new CandidateRollout(2, 10, Started, [10, 100], 3600, Started));

        var change = RolloutSchedule.Advance(policy, alarm: true, Started);

        Assert.Equal(("rolled-back", null), (change.Action, change.Policy!.Candidate));
    }

    [Fact]
    public void Advance_AlarmWithoutCandidate_ChangesNothing()
    {
        var change = RolloutSchedule.Advance(new RolloutPolicy(2, PreviousStable: [1]), alarm: true, Started);

        Assert.Equal("none", change.Action);
    }
}
