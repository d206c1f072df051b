using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Storage;

/// <summary>
/// A fetched model, either as a file on local disk (ONNX Runtime reads it directly) or as bytes in memory.
/// </summary>
/// <param name="ETag">The store's version tag for the bytes, used to revalidate a cached model; null when unknown.</param>
/// <param name="SizeBytes">The model file's bytes and its external data files' together.</param>
/// <param name="Download">What was transferred to make it available; null when nothing was (a disk tier's copy).</param>
/// <param name="DataFiles">
/// External data files a store downloaded for a model it handed out as a file, in a folder of their own (their names as
/// the model's tensors name them), for the disk tier to move beside the model; null when there were none.
/// </param>
public sealed record ModelArtifact(
    ModelRef Model,
    long SizeBytes,
    string? ETag,
    ModelSidecar? Sidecar,
    string? FilePath = null,
    byte[]? Bytes = null,
    ModelDownload? Download = null,
    IReadOnlyList<string>? DataFiles = null);
