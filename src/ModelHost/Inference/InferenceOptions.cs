using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace MultiModel.ModelHost.Inference;

/// <summary>ONNX Runtime settings, bound from <c>ModelHost:Inference</c>.</summary>
public sealed class InferenceOptions
{
    public const string SectionName = "ModelHost:Inference";

    /// <summary>Threads in the one intra-op pool all models share; 0 means one per processor.</summary>
    [Range(0, 256)]
    public int IntraOpThreads { get; set; }

    /// <summary>
    /// Whether idle pool threads spin waiting for work. Off by default: spinning buys a little latency with CPU time,
    /// which on Lambda is billed and shared with the request path.
    /// </summary>
    public bool SpinWhenIdle { get; set; }

    /// <summary>
    /// Whether each session keeps ONNX Runtime's CPU memory arena. Off by default: an arena keeps the working memory of
    /// the largest request a model has served (rounded up to a power of two) until the model is evicted, memory the
    /// cache cannot see or bound. Off, working memory is freed after each run. On is a few percent faster for large
    /// batches (see docs/memory.md) and suits hosts whose requests are small and alike.
    /// </summary>
    public bool CpuMemoryArena { get; set; }
}

/// <summary>The checks of <see cref="InferenceOptions"/>' attributes, generated at build time instead of found by reflection at start.</summary>
[OptionsValidator]
internal sealed partial class InferenceOptionsValidator : IValidateOptions<InferenceOptions>;
