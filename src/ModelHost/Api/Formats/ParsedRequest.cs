using MultiModel.ModelHost.Api.Formats.Binary;
using MultiModel.ModelHost.Api.Formats.Json;

namespace MultiModel.ModelHost.Api.Formats;

/// <summary>A JSON request as its format's reader found it: the inputs located in the body, made tensors next.</summary>
/// <param name="Outputs">Names of the outputs asked for; null for all.</param>
/// <param name="RequestId">The client's request id, echoed by the Open Inference Protocol.</param>
/// <param name="BinaryOutputs">The outputs asked for as raw bytes; null when none is.</param>
internal sealed record ParsedRequest(IReadOnlyList<JsonInput> Inputs, IReadOnlyList<string>? Outputs, string? RequestId = null, BinaryOutputs? BinaryOutputs = null);
