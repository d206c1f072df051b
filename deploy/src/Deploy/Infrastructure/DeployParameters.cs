using Amazon.CDK;
using Constructs;

namespace MultiModel.Deploy.Infrastructure;

/// <summary>
/// Sizes an operator tunes per environment at deploy time (<c>cdk deploy --parameters Name=value</c>) without a
/// code change. Per-function values in multimodel.json override the function-level ones.
/// </summary>
internal sealed class DeployParameters
{
    private readonly CfnCondition cacheBudgetSet;

    public DeployParameters(Construct scope)
    {
        MemoryMb = Number(scope, "ModelHostMemoryMb", 3008, 128, 10240,
            "ModelHost memory (MB). Also sets CPU share and, unless ModelCacheBudgetMb is set, the model cache budget.");
        EphemeralStorageMb = Number(scope, "ModelHostEphemeralStorageMb", 2048, 512, 10240,
            "ModelHost /tmp size (MB); holds the disk tier of the model cache.");
        TimeoutSeconds = Number(scope, "ModelHostTimeoutSeconds", 30, 1, 900,
            "ModelHost timeout (s); must cover a cold load of the largest model.");
        CacheBudgetMb = Number(scope, "ModelCacheBudgetMb", 0, 0, 10240,
            "In-memory model cache budget (MB); 0 lets the app derive it from the function memory.");
        DiskCacheBudgetMb = Number(scope, "DiskCacheBudgetMb", 1536, 1, 10240,
            "Disk tier budget (MB) under /tmp/models; keep it below ModelHostEphemeralStorageMb.");
        RouterMemoryMb = Number(scope, "RouterMemoryMb", 512, 128, 10240, "Router memory (MB).");
        RouterTimeoutSeconds = Number(scope, "RouterTimeoutSeconds", 30, 1, 900,
            "Router timeout (s); must exceed the longest target timeout in the routing rules.");
        NoncurrentVersionRetentionDays = Number(scope, "NoncurrentVersionRetentionDays", 90, 31, 36500,
            "Days an overwritten or deleted model version is kept (moved to Standard-IA after 30 days) before it expires.");
        P99DurationAlarmMs = Number(scope, "P99DurationAlarmMs", 5000, 1, 900000,
            "Alarm when a function's p99 duration over 5 minutes reaches this many milliseconds.");
        MemoryAlarmPercent = Number(scope, "MemoryAlarmPercent", 90, 10, 100,
            "Alarm when a ModelHost's resident memory reaches this percentage of its function's memory size.");
        DriftAlarmPsi = Number(scope, "DriftAlarmPsi", 0.25, 0.01, 10,
            "Alarm when a model's confidence drift (population stability index) stays at or above this for 10 minutes; 0.25 is the usual 'significant shift'.");
        CandidateErrorAlarmPercent = Number(scope, "CandidateErrorAlarmPercent", 5, 0.1, 100,
            "Alarm when more than this percentage of a model's rollout candidate's requests over 5 minutes are 5xx; the advancer rolls the candidate back.");
        CandidateLatencyAlarmRatio = Number(scope, "CandidateLatencyAlarmRatio", 2, 1.1, 100,
            "Alarm when a model's rollout candidate's median latency over 5 minutes is more than this many times the model's; the advancer rolls the candidate back.");

        cacheBudgetSet = new CfnCondition(scope, "ModelCacheBudgetSet", new CfnConditionProps
        {
            Expression = Fn.ConditionNot(Fn.ConditionEquals(CacheBudgetMb.ValueAsString, "0")),
        });
    }

    public CfnParameter MemoryMb { get; }

    public CfnParameter EphemeralStorageMb { get; }

    public CfnParameter TimeoutSeconds { get; }

    public CfnParameter CacheBudgetMb { get; }

    public CfnParameter DiskCacheBudgetMb { get; }

    public CfnParameter RouterMemoryMb { get; }

    public CfnParameter RouterTimeoutSeconds { get; }

    public CfnParameter NoncurrentVersionRetentionDays { get; }

    public CfnParameter P99DurationAlarmMs { get; }

    public CfnParameter MemoryAlarmPercent { get; }

    public CfnParameter DriftAlarmPsi { get; }

    public CfnParameter CandidateErrorAlarmPercent { get; }

    public CfnParameter CandidateLatencyAlarmRatio { get; }

    /// <summary>
    /// Sets <paramref name="variable"/> to ModelCacheBudgetMb, or leaves it out when that is 0 (AWS::NoValue), so the
    /// app's own derivation from AWS_LAMBDA_FUNCTION_MEMORY_SIZE applies. Written as a raw override because the
    /// jsii bridge cannot pass Fn.ConditionIf's result where the environment map expects a string.
    /// </summary>
    public void SetCacheBudget(Amazon.CDK.AWS.Lambda.Function function, string variable)
    {
        var cfn = (Amazon.CDK.AWS.Lambda.CfnFunction)function.Node.DefaultChild!;
        cfn.AddPropertyOverride($"Environment.Variables.{variable}", new Dictionary<string, object>
        {
            ["Fn::If"] = new object[]
            {
                cacheBudgetSet.LogicalId,
                new Dictionary<string, object> { ["Ref"] = CacheBudgetMb.LogicalId },
                new Dictionary<string, object> { ["Ref"] = "AWS::NoValue" },
            },
        });
    }

    private static CfnParameter Number(Construct scope, string name, double defaultValue, double min, double max, string description) =>
        new(scope, name, new CfnParameterProps
        {
            Type = "Number",
            Default = defaultValue,
            MinValue = min,
            MaxValue = max,
            Description = description,
        });
}
