using MultiModel.ModelHost.Api.Formats.Native;
using MultiModel.ModelHost.Api.Formats.OpenInference;

namespace MultiModel.ModelHost.Api.Formats;

/// <summary>The prediction formats the endpoints speak.</summary>
internal static class PredictionFormats
{
    /// <summary>Ours, at <c>/models/{id}/predict</c>.</summary>
    public static NativeJsonFormat Native { get; } = new();

    /// <summary>The Open Inference Protocol's, at <c>/v2/models/{name}/infer</c>.</summary>
    public static OpenInferenceJsonFormat OpenInference { get; } = new();
}
