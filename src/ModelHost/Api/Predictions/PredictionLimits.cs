using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace MultiModel.ModelHost.Api.Predictions;

/// <summary>Limits on predictions (their bodies and how many run or wait at once), bound from <c>ModelHost:Requests</c>.</summary>
public sealed class PredictionLimits
{
    public const string SectionName = "ModelHost:Requests";

    /// <summary>Largest accepted body; larger ones get 413 before they are read. Lambda itself caps payloads at 6 MB.</summary>
    [Range(1024, 1L << 31)]
    public long MaxBodyBytes { get; set; } = 32 * 1024 * 1024;

    /// <summary>Deepest JSON nesting accepted; tensors need one level per dimension, so 64 is generous.</summary>
    [Range(4, 256)]
    public int MaxJsonDepth { get; set; } = 64;

    /// <summary>
    /// Predictions at work at once (reading their body, running, writing their outputs); more wait in a queue. Two per
    /// processor keeps every core busy while others parse and write JSON. Their working memory, about three times the
    /// body plus the model's activations each, must fit beside the cache's budget (HeadroomMegabytes on Lambda).
    /// </summary>
    [Range(1, 4096)]
    public int MaxConcurrentPredictions { get; set; } = 2 * Environment.ProcessorCount;

    /// <summary>Predictions waiting for a slot; more get 503 with Retry-After. Waiting requests hold no body in memory.</summary>
    [Range(0, 1_000_000)]
    public int MaxQueuedPredictions { get; set; } = 1000;

    /// <summary>
    /// Predictions that give up their slot while their model loads, keeping only their checked body, so that requests
    /// for loaded models are not held up behind cold loads. Past this many, a request keeps its slot through the load;
    /// 0 means every request does. Each holds its body (at most <see cref="MaxBodyBytes"/>) beside the slots' memory.
    /// </summary>
    [Range(0, 4096)]
    public int MaxPredictionsAwaitingLoad { get; set; } = Environment.ProcessorCount;
}

/// <summary>The checks of <see cref="PredictionLimits"/>' attributes, generated at build time instead of found by reflection at start.</summary>
[OptionsValidator]
internal sealed partial class PredictionLimitsValidator : IValidateOptions<PredictionLimits>;
