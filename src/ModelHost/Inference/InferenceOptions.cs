using System.ComponentModel.DataAnnotations;

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
}
