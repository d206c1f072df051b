using MultiModel.ModelHost.Storage;

namespace MultiModel.ModelHost.Caching;

/// <summary>What a model costs in memory: what its session holds, and how far resident memory rises while it is created.</summary>
/// <param name="ETag">The stored bytes this was measured for; another upload of the same version is measured anew.</param>
/// <param name="Bytes">Held by the session once created: its charge.</param>
/// <param name="PeakBytes">Resident growth at the peak of creating it: the room a load needs.</param>
internal sealed record Footprint(string? ETag, long Bytes, long PeakBytes)
{
    /// <summary>
    /// Before a model's first load: <paramref name="memoryFactor"/> times its files, and at the peak its files once
    /// more (the parsed model is held beside the tensors made from it, which measured loads show).
    /// </summary>
    public static Footprint Estimate(ModelArtifact artifact, double memoryFactor)
    {
        var bytes = (long)(artifact.SizeBytes * memoryFactor);
        return new(artifact.ETag, bytes, bytes + artifact.SizeBytes);
    }

    public static Footprint Measured(string? etag, long heldBytes, long? peakBytes)
    {
        var held = Math.Max(0, heldBytes);
        return new(etag, held, Math.Max(held, peakBytes ?? 2 * held));
    }

    /// <summary>Never less than an earlier measurement of the same bytes: a reload may be measured low, not the model.</summary>
    public Footprint AtLeast(Footprint earlier) => this with
    {
        Bytes = Math.Max(Bytes, earlier.Bytes),
        PeakBytes = Math.Max(PeakBytes, earlier.PeakBytes),
    };
}
