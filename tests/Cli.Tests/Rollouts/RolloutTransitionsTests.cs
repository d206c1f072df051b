using System.Text;
using MultiModel.Cli.Rollouts;
using MultiModel.ModelHost.Models;

namespace MultiModel.Cli.Tests.Rollouts;

public sealed class RolloutTransitionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void StartCandidate_SameVersionAgain_IsANewRolloutFromNow()
    {
        var earlier = new RolloutPolicy(1, new CandidateRollout(2, 10, Now.AddHours(-1), StepStartedAt: Now.AddHours(-1)));

        var change = RolloutTransitions.StartCandidate(earlier, 2, 50, null, 0, Now);

        Assert.Equal(new CandidateRollout(2, 50, Now, StepStartedAt: Now), change.Policy!.Candidate);
    }

    [Fact]
    public void StartCandidate_KeepsTheShadowGuardrailsAndHistory()
    {
        var current = new RolloutPolicy(3, Shadow: new ShadowRollout(4, 10), CallerHeader: "X-Tenant", Guardrails: new RolloutGuardrails(100), PreviousStable: [1, 2]);

        var policy = RolloutTransitions.StartCandidate(current, 4, 10, [10, 100], 60, Now).Policy!;

        // Records hold their lists by reference: compared as the JSON a host reads.
        var expected = current with { Candidate = new CandidateRollout(4, 10, Now, [10, 100], 60, Now) };
        Assert.Equal(Encoding.UTF8.GetString(RolloutPolicyJson.Write(expected)), Encoding.UTF8.GetString(RolloutPolicyJson.Write(policy)));
    }

    [Fact]
    public void Promote_ShadowOfThePromotedVersion_IsDropped()
    {
        var current = new RolloutPolicy(1, new CandidateRollout(2, 100, Now), new ShadowRollout(2, 5));

        var policy = RolloutTransitions.Promote(current).Policy!;

        Assert.Equal((2, null, null), (policy.Stable, policy.Candidate, policy.Shadow));
        Assert.Empty(RolloutPolicyJson.Problems(policy));
    }

    [Fact]
    public void Rollback_LastPreviousStable_LeavesNoHistory()
    {
        var policy = RolloutTransitions.Rollback(new RolloutPolicy(2, PreviousStable: [1])).Policy!;

        Assert.Equal((1, null), (policy.Stable, policy.PreviousStable));
    }

    [Fact]
    public void Rollback_ShadowOfTheVersionRolledBackTo_IsDropped()
    {
        var policy = RolloutTransitions.Rollback(new RolloutPolicy(2, Shadow: new ShadowRollout(1, 5), PreviousStable: [1])).Policy!;

        Assert.Null(policy.Shadow);
        Assert.Empty(RolloutPolicyJson.Problems(policy));
    }

    [Fact]
    public void Rollback_CandidateAndHistory_RemovesOnlyTheCandidate()
    {
        var policy = RolloutTransitions.Rollback(new RolloutPolicy(2, new CandidateRollout(3, 10, Now), PreviousStable: [1])).Policy!;

        Assert.Equal((2, null), (policy.Stable, policy.Candidate));
        Assert.Equal([1], policy.PreviousStable!);
    }
}
