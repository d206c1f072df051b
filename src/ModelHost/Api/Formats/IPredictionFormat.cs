using MultiModel.ModelHost.Inference;
using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Api.Formats;

/// <summary>
/// A wire format of predictions, the one seam between HTTP and running a model: how a request's body becomes the
/// model's input tensors, and how the outputs become the response. Ours and the Open Inference Protocol's are JSON
/// (<see cref="JsonPredictionFormat"/>); a binary one, such as Triton's binary tensor extension, is one more
/// implementation. Everything else about a prediction (ids, limits, the model's lease, the run, the log) is the
/// endpoint's and the same for every format.
/// </summary>
internal interface IPredictionFormat
{
    /// <summary>What the 415 answer to a body of another type says is expected, e.g. "JSON with Content-Type: application/json".</summary>
    string ExpectedContentType { get; }

    /// <summary>Whether the body's Content-Type is one this format reads; checked before anything else is done for the request.</summary>
    bool AcceptsContentType(HttpRequest request);

    /// <summary>
    /// Reads the body and makes every input a tensor, checked against <paramref name="signature"/>. A body that does
    /// not fit throws <see cref="InvalidInputException"/> saying what was wrong and what was expected (400).
    /// </summary>
    ValueTask<PredictionRequest> ReadAsync(HttpRequest request, ModelSignature signature, RequestOptions options, CancellationToken cancellationToken);

    /// <summary>Writes the outputs of a run from ONNX Runtime's buffers into the response, with what the request asked to be echoed.</summary>
    /// <param name="labels">The model's label post-processing, for formats that return top labels; null when it has none.</param>
    Task WriteAsync(HttpResponse response, ModelRef model, LabelPostProcessor? labels, Prediction prediction, PredictionRequest request, CancellationToken cancellationToken);
}
