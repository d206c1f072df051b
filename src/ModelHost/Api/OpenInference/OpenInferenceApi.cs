using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using MultiModel.ModelHost.Api.Formats;
using MultiModel.ModelHost.Api.Formats.Json;
using MultiModel.ModelHost.Api.Formats.OpenInference;
using MultiModel.ModelHost.Api.Predictions;
using MultiModel.ModelHost.Caching;
using MultiModel.ModelHost.Inference;

namespace MultiModel.ModelHost.Api.OpenInference;

/// <summary>
/// The Open Inference Protocol (KServe V2) REST endpoints, so Triton, KServe and MLServer clients can call the host
/// unchanged: server metadata, model metadata and readiness, and <c>infer</c>. Errors carry the protocol's
/// <c>{"error": "..."}</c> field beside the ProblemDetails ones.
/// </summary>
public static class OpenInferenceApi
{
    private const string Platform = "onnx_onnxv1";

    // Triton's extensions served whole (TritonExtensionsApi). Not "model_repository": its unload is refused.
    private static readonly string[] Extensions = ["binary_tensor_data", "model_configuration", "statistics"];

    public static IEndpointRouteBuilder MapOpenInferenceApi(this IEndpointRouteBuilder app)
    {
        var v2 = app.MapGroup("/v2").WithTags("Open Inference Protocol");
        v2.MapGet("/", () => TypedResults.Ok(new OpenInferenceServerMetadata(
            "multimodel-modelhost", typeof(OpenInferenceApi).Assembly.GetName().Version?.ToString() ?? "1.0.0", Extensions)));
        foreach (var prefix in new[] { "/models/{name}", "/models/{name}/versions/{version}" })
        {
            v2.MapGet(prefix, (string name, string? version, ModelLookup lookup, VersionResolver versions, CancellationToken cancellationToken) =>
                DescribeAsync(name, version, lookup, versions, cancellationToken));
            v2.MapGet(prefix + "/ready", (string name, string? version, ModelLookup lookup, CancellationToken cancellationToken) =>
                ReadyAsync(name, version, lookup, cancellationToken));
            v2.MapPost(prefix + "/infer", (string name, string? version, HttpContext context, [FromServices] PredictionPipeline pipeline) =>
                    pipeline.ServeAsync(context, name, version, PredictionFormats.OpenInference))
                .DescribePrediction();
        }

        return app;
    }

    private static async Task<Ok<OpenInferenceModelMetadata>> DescribeAsync(string name, string? version, ModelLookup lookup, VersionResolver versions, CancellationToken cancellationToken)
    {
        using var lease = await lookup.AcquireAsync(name, version, cancellationToken);
        var available = await versions.ListAsync(name, cancellationToken);
        var signature = lease.Model.Signature;
        return TypedResults.Ok(new OpenInferenceModelMetadata(
            name,
            available.Select(v => v.ToString(CultureInfo.InvariantCulture)).ToArray(),
            Platform,
            Describe(signature.Inputs),
            DescribeOutputs(signature)));
    }

    // Loading is on demand, so "ready" means the model can be loaded and run: it is, once this answers.
    private static async Task<Ok<OpenInferenceModelReady>> ReadyAsync(string name, string? version, ModelLookup lookup, CancellationToken cancellationToken)
    {
        using var lease = await lookup.AcquireAsync(name, version, cancellationToken);
        return TypedResults.Ok(new OpenInferenceModelReady(name, true));
    }

    // Sequences and maps as infer returns them: BYTES (see JsonStructuredWriter).
    private static OpenInferenceTensorMetadata[] DescribeOutputs(ModelSignature signature) =>
        signature.SelectOutputs(Describe, structured => new OpenInferenceTensorMetadata(
            structured.Name, JsonStructuredWriter.OpenInferenceDatatype, structured.Shape.Select(d => (long)d).ToArray())).ToArray();

    private static OpenInferenceTensorMetadata[] Describe(IEnumerable<TensorSignature> tensors) => tensors.Select(Describe).ToArray();

    private static OpenInferenceTensorMetadata Describe(TensorSignature tensor) =>
        new(tensor.Name, OpenInferenceDataType.NameOf(tensor.ElementType), tensor.Shape.Select(d => (long)d).ToArray());
}
