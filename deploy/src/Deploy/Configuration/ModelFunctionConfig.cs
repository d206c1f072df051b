namespace MultiModel.Deploy.Configuration;

/// <summary>One ModelHost function. Sizes left null fall back to the stack's CloudFormation parameters.</summary>
internal sealed record ModelFunctionConfig
{
    /// <summary>Lower-case name used in construct ids and by routes (<c>"function": "fraud"</c>).</summary>
    public string Name { get; init; } = "";

    /// <summary>
    /// Model ids loaded at init (ModelHost__Prewarm__Models__N). For an isolated function these are also the only
    /// models its role may read from the bucket.
    /// </summary>
    public IReadOnlyList<string> Models { get; init; } = [];

    public int? MemoryMb { get; init; }

    public int? EphemeralStorageMb { get; init; }

    public int? TimeoutSeconds { get; init; }

    /// <summary>Provisioned concurrency on the <c>live</c> alias; 0 means none (pay per use, cold starts possible).</summary>
    public int ProvisionedConcurrency { get; init; }

    /// <summary>Optional scheduled warm-up; null means none.</summary>
    public WarmupConfig? Warmup { get; init; }
}
