using System.Globalization;
using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Storage.S3;

/// <summary>The bucket layout: <c>{prefix}{id}/{version}/model.onnx</c> with <c>labels.json</c> beside it.</summary>
internal sealed class S3ModelKeys(string prefix)
{
    /// <summary>Where every model's folder is: the store's prefix.</summary>
    public string Root => prefix;

    public string ModelFolder(string modelId) => $"{prefix}{modelId}/";

    /// <summary>The model id of a common prefix listed under <see cref="Root"/> with the delimiter "/" (<c>{prefix}{id}/</c>).</summary>
    public string ModelIdOf(string commonPrefix) => commonPrefix[prefix.Length..^1];

    public string RolloutPolicy(string modelId) => $"{prefix}{modelId}/{Models.RolloutPolicy.FileName}";

    public string Model(ModelRef model) => Key(model, ModelFiles.Model);

    /// <summary>The folder of one version: the model, its sidecar, and any external data files it names.</summary>
    public string VersionFolder(ModelRef model) => Key(model, "");

    public string Sidecar(ModelRef model) => Key(model, ModelFiles.Sidecar);

    /// <summary>
    /// The version of a key listed under <see cref="ModelFolder"/>, or 0 when the key is not a model file or its version
    /// folder is not written as the store fetches it (<see cref="ModelIds.StoredVersion"/>).
    /// </summary>
    public int VersionOf(string modelId, string key)
    {
        var folder = ModelFolder(modelId);
        var suffix = "/" + ModelFiles.Model;
        if (!key.StartsWith(folder, StringComparison.Ordinal) || !key.EndsWith(suffix, StringComparison.Ordinal))
        {
            return 0;
        }

        return ModelIds.StoredVersion(key.AsSpan(folder.Length, key.Length - folder.Length - suffix.Length));
    }

    private string Key(ModelRef model, string file) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}{model.Id}/{model.Version}/{file}");
}
