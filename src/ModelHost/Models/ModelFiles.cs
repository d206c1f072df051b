namespace MultiModel.ModelHost.Models;

/// <summary>The files of one model version in every store: <c>{id}/{version}/model.onnx</c>, an optional sidecar beside it.</summary>
public static class ModelFiles
{
    /// <summary>The ONNX model. Any other file beside it but the sidecar and the publish record is external data the model refers to.</summary>
    public const string Model = "model.onnx";

    /// <summary>The optional post-processing settings, <see cref="ModelSidecar"/>.</summary>
    public const string Sidecar = "labels.json";

    /// <summary>The record the multimodel tool writes beside a version it published (what, by whom, its validation).</summary>
    public const string PublishManifest = "publish.json";

    /// <summary>Whether a file in a version's folder is one of the model's external data files: any but the three above.</summary>
    public static bool IsDataFile(string name) => name is not (Model or Sidecar or PublishManifest);
}
