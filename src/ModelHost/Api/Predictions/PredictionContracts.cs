using System.Text.Json;

namespace MultiModel.ModelHost.Api.Predictions;

// Shapes of the prediction request and response, for the OpenAPI document and for clients; the handler reads and
// writes the same JSON without materialising these types.

/// <param name="Inputs">Each input by name: a nested array (shape inferred), a bare value (scalar), or {"shape": [...], "data": [...]}.</param>
/// <param name="Outputs">Optional names of the outputs to return; all by default.</param>
public sealed record PredictionRequestBody(Dictionary<string, JsonElement> Inputs, string[]? Outputs = null);

public sealed record PredictionResponseBody(string ModelId, int ModelVersion, TensorBody[] Outputs, LabelPrediction[]? Predictions);

/// <param name="Data">Row-major elements; floats that are not finite are the strings "NaN", "Infinity", "-Infinity".</param>
public sealed record TensorBody(string Name, string Datatype, long[] Shape, JsonElement[] Data);

public sealed record LabelPrediction(string Label, float Score, bool BelowThreshold, LabelScore[] Top);

public sealed record LabelScore(string Label, float Score);
