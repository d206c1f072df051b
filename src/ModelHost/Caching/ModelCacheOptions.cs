using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace MultiModel.ModelHost.Caching;

/// <summary>Settings of the in-memory model cache, bound from <c>ModelHost:Cache</c>.</summary>
public sealed class ModelCacheOptions
{
    public const string SectionName = "ModelHost:Cache";

    /// <summary>
    /// Memory budget for loaded models. When unset it is derived: on Lambda from AWS_LAMBDA_FUNCTION_MEMORY_SIZE minus
    /// <see cref="HeadroomMegabytes"/>, elsewhere half of the memory available to the process.
    /// </summary>
    [Range(1, 1_048_576)]
    public int? BudgetMegabytes { get; set; }

    /// <summary>Memory kept back for the runtime, ONNX Runtime itself and request buffers when the budget is derived.</summary>
    [Range(0, 1_048_576)]
    public int HeadroomMegabytes { get; set; } = 384;

    /// <summary>
    /// A model's memory estimated from its files (ModelMesh uses 1.25 to 2.75 depending on runtime): the room made
    /// before its first load, and its charge where loads cannot be measured. Once a load is measured, the measured
    /// figure is used instead, for that load and every later load of the same bytes.
    /// </summary>
    [Range(1.0, 10.0)]
    public double MemoryFactor { get; set; } = 1.5;

    /// <summary>
    /// Whether to charge each model what its load was measured to take (native allocations on glibc, resident growth
    /// elsewhere; one session is created at a time so that nothing else is counted with it). Off, charges are exactly
    /// file size times <see cref="MemoryFactor"/>: predictable, but blind to models that expand when loaded.
    /// </summary>
    public bool MeasureLoadMemory { get; set; } = true;

    /// <summary>
    /// Whether loads also check the process's real resident memory: when it plus the new model would pass the base
    /// (resident memory before any model) plus the budget, more models are evicted first. Off only where resident
    /// memory is not this host's alone (several hosts in one test process).
    /// </summary>
    public bool LimitResidentMemory { get; set; } = true;

    /// <summary>Loads running at once; more wait their turn so a burst of cold models cannot exhaust memory or CPU.</summary>
    [Range(1, 64)]
    public int MaxConcurrentLoads { get; set; } = 2;

    /// <summary>How long a failed load is remembered, so a broken model is not reloaded on every request.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan FailedLoadRetryAfter { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a request waits for the model store (a version listing, a model's download) before it is answered 503
    /// with Retry-After. The listing or download goes on in the background, so a retry finds it done; session creation
    /// after a download is not counted. Kept well under API Gateway's 30 s, so a store outage fails fast.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan MaxStoreWait { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The Retry-After of a 503 after <see cref="MaxStoreWait"/>: the wait itself, between 1 and 10 s.</summary>
    internal TimeSpan StoreWaitRetryAfter => TimeSpan.FromSeconds(Math.Clamp(MaxStoreWait.TotalSeconds, 1, 10));

    /// <summary>How long a cached model (and a model's latest version) is served before the store is asked whether it changed.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan RevalidateAfter { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>The checks of <see cref="ModelCacheOptions"/>' attributes, generated at build time instead of found by reflection at start.</summary>
[OptionsValidator]
internal sealed partial class ModelCacheOptionsValidator : IValidateOptions<ModelCacheOptions>;
