using MultiModel.ModelHost.Api.Formats.Binary;
using MultiModel.ModelHost.Inference;

namespace MultiModel.ModelHost.Api.Formats;

/// <summary>
/// A request as a format read it: the model's inputs as tensors, the outputs asked for, and what the response echoes.
/// Disposing it frees the input tensors; the rest stays readable for writing the response.
/// </summary>
/// <param name="Outputs">Names of the outputs asked for; null for all.</param>
/// <param name="RequestId">The client's request id, echoed by the Open Inference Protocol.</param>
/// <param name="BinaryOutputs">The outputs asked for as raw bytes (Triton's binary tensor data extension); null when none is.</param>
internal sealed record PredictionRequest(ModelInputs Inputs, IReadOnlyList<string>? Outputs, string? RequestId, BinaryOutputs? BinaryOutputs = null) : IDisposable
{
    public void Dispose() => Inputs.Dispose();
}
