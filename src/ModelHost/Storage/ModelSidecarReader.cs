using System.Text.Json;

namespace MultiModel.ModelHost.Storage;

/// <summary>Parses a <c>labels.json</c> sidecar; a broken sidecar fails the load with a message naming the file.</summary>
public static class ModelSidecarReader
{
    public static async Task<ModelSidecar> ReadAsync(Stream stream, ModelRef model, CancellationToken cancellationToken)
    {
        ModelSidecar? sidecar;
        try
        {
            sidecar = await JsonSerializer.DeserializeAsync<ModelSidecar>(stream, cancellationToken: cancellationToken);
        }
        catch (JsonException exception)
        {
            throw new ModelLoadFailedException($"The {ModelSidecar.FileName} sidecar of {model} is not valid JSON: {exception.Message}", exception);
        }

        if (sidecar?.Labels is not { Count: > 0 })
        {
            throw new ModelLoadFailedException($"The {ModelSidecar.FileName} sidecar of {model} must contain a non-empty \"labels\" array.");
        }

        if (sidecar.TopK < 1 || sidecar.Threshold is < 0 or > 1)
        {
            throw new ModelLoadFailedException($"The {ModelSidecar.FileName} sidecar of {model} needs topK >= 1 and a threshold between 0 and 1.");
        }

        return sidecar;
    }
}
