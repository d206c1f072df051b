using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Storage;

/// <summary>
/// A fetched model, either as a file on local disk (ONNX Runtime reads it directly) or as bytes in memory.
/// </summary>
/// <param name="ETag">The store's version tag for the bytes, used to revalidate a cached model; null when unknown.</param>
/// <param name="Download">What was transferred to make it available; null when nothing was (a disk tier's copy).</param>
public sealed record ModelArtifact(
    ModelRef Model,
    long SizeBytes,
    string? ETag,
    ModelSidecar? Sidecar,
    string? FilePath = null,
    byte[]? Bytes = null,
    ModelDownload? Download = null);
