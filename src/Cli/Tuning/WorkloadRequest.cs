namespace MultiModel.Cli.Tuning;

/// <summary>One kind of request in a workload: a model (a pinned version, or the one the host picks), its body in the host's format, and how often it comes.</summary>
internal sealed record WorkloadRequest(string ModelId, int? Version, byte[] Body, double Weight)
{
    public string Path => Version is { } version ? $"/models/{ModelId}/versions/{version}/predict" : $"/models/{ModelId}/predict";
}
