using MultiModel.ModelHost.Api.Predictions;
using MultiModel.ModelHost.Inference;
using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Api.Formats;

/// <summary>
/// A wire format of predictions, the one seam between HTTP and running a model: how a request's body becomes the
/// model's input tensors, and how the outputs become the response. Ours and the Open Inference Protocol's are JSON
/// (<see cref="JsonPredictionFormat"/>), the latter with Triton's binary tensor extension. Everything else about a
/// prediction (ids, limits, the model's lease, the run, the log) is the endpoint's and the same for every format.
/// A body is read in two phases, so that one that is malformed is refused before its model is loaded.
/// </summary>
internal interface IPredictionFormat
{
    /// <summary>What the 415 answer to a body of another type says is expected, e.g. "JSON with Content-Type: application/json".</summary>
    string ExpectedContentType { get; }

    /// <summary>Whether the body's Content-Type is one this format reads; checked before anything else is done for the request.</summary>
    bool AcceptsContentType(HttpRequest request);

    /// <summary>
    /// The first phase, before the model is known: reads the body and checks everything it can say about itself (its
    /// syntax, the format's structure, every input's shape and where its elements lie). A body that does not fit
    /// throws <see cref="InvalidInputException"/> or <see cref="System.Text.Json.JsonException"/> (400).
    /// </summary>
    ValueTask<ParsedBody> ParseAsync(HttpRequest request, PredictionLimits options, CancellationToken cancellationToken);

    /// <summary>
    /// The second phase: makes every input a tensor, checked against <paramref name="signature"/>, reading the elements
    /// from the body straight into ONNX Runtime's buffers. Throws <see cref="InvalidInputException"/> saying what was
    /// wrong and what was expected (400). The body may be disposed once this returns.
    /// </summary>
    PredictionRequest Bind(ParsedBody body, ModelSignature signature);

    /// <summary>Writes the outputs of a run from ONNX Runtime's buffers into the response, with what the request asked to be echoed.</summary>
    /// <param name="labels">The model's label post-processing, for formats that return top labels; null when it has none.</param>
    Task WriteAsync(HttpResponse response, ModelRef model, LabelPostProcessor? labels, Prediction prediction, PredictionRequest request, CancellationToken cancellationToken);
}
