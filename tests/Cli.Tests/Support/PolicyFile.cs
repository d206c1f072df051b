using MultiModel.ModelHost.Models;

namespace MultiModel.Cli.Tests.Support;

/// <summary>A model's rollout.json as the host reads it: parsed with the format's own reader, problems failing the test.</summary>
public static class PolicyFile
{
    public static RolloutPolicy Read(TempStore store, string id)
    {
        var policy = RolloutPolicyJson.TryRead(File.ReadAllBytes(store.PolicyPath(id)), out var problems);
        Assert.True(policy is not null, string.Join(" ", problems));
        return policy;
    }

    public static void Write(TempStore store, string id, RolloutPolicy policy) => File.WriteAllBytes(store.PolicyPath(id), RolloutPolicyJson.Write(policy));
}
