using MultiModel.Cli.Advancer;

namespace MultiModel.Cli.Tests.Advancer;

public sealed class CandidateAlarmNameTests
{
    [Theory]
    [InlineData("MultiModel-iris-candidate-errors", "MultiModel-", "iris")]
    [InlineData("MultiModel-iris-candidate-latency", "MultiModel-", "iris")]
    [InlineData("MultiModel-staging-iris-candidate-errors", "MultiModel-staging-", "iris")]
    [InlineData("MultiModel-staging-iris-candidate-errors", "MultiModel-", "staging-iris")]
    [InlineData("s-my-model-candidate-errors-candidate-latency", "s-", "my-model-candidate-errors")]
    public void ModelIdOf_ACandidateAlarmOfTheStack_IsItsModel(string alarmName, string prefix, string expected)
    {
        Assert.Equal(expected, CandidateAlarmName.ModelIdOf(alarmName, prefix, out _));
    }

    [Theory]
    [InlineData("Other-iris-candidate-errors", "not one of this stack's candidate alarms")]
    [InlineData("multimodel-iris-candidate-errors", "not one of this stack's candidate alarms")]
    [InlineData("MultiModel-iris-errors", "not a candidate alarm")]
    [InlineData("MultiModel--candidate-errors", "is not a model id")]
    [InlineData("MultiModel-../x-candidate-errors", "is not a model id")]
    public void ModelIdOf_AnyOtherName_IsNullWithTheReason(string alarmName, string expected)
    {
        Assert.Null(CandidateAlarmName.ModelIdOf(alarmName, "MultiModel-", out var problem));
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }
}
