using System.Text.Json;
using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Storage;

/// <summary>Parses a <c>labels.json</c> sidecar; a broken sidecar fails the load with a message naming the file.</summary>
public static class ModelSidecarReader
{
    /// <summary>Sidecars are a few hundred bytes: read whole, then parsed from memory.</summary>
    public static async Task<ModelSidecar> ReadAsync(Stream stream, ModelRef model, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        return Read(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), model);
    }

    public static ModelSidecar Read(ReadOnlySpan<byte> json, ModelRef model)
    {
        ModelSidecar? sidecar;
        try
        {
            sidecar = JsonSerializer.Deserialize(json, StorageJsonContext.Default.ModelSidecar);
        }
        catch (JsonException exception)
        {
            throw new ModelLoadFailedException($"The {ModelFiles.Sidecar} sidecar of {model} is not valid JSON: {exception.Message}", exception);
        }

        if (sidecar?.Labels is not { Count: > 0 })
        {
            throw new ModelLoadFailedException($"The {ModelFiles.Sidecar} sidecar of {model} must contain a non-empty \"labels\" array.");
        }

        if (sidecar.TopK < 1 || sidecar.Threshold is < 0 or > 1)
        {
            throw new ModelLoadFailedException($"The {ModelFiles.Sidecar} sidecar of {model} needs topK >= 1 and a threshold between 0 and 1.");
        }

        return sidecar;
    }
}
