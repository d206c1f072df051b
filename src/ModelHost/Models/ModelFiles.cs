namespace MultiModel.ModelHost.Models;

/// <summary>The files of one model version in every store: <c>{id}/{version}/model.onnx</c>, an optional sidecar beside it.</summary>
public static class ModelFiles
{
    /// <summary>The ONNX model. Any other file beside it but the sidecar is external data the model refers to.</summary>
    public const string Model = "model.onnx";

    /// <summary>The optional post-processing settings, <see cref="ModelSidecar"/>.</summary>
    public const string Sidecar = "labels.json";
}
