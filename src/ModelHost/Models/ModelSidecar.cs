using System.Text.Json;
using System.Text.Json.Serialization;

namespace MultiModel.ModelHost.Models;

/// <summary>
/// Optional post-processing settings shipped beside a model as <c>labels.json</c>, e.g.
/// <c>{"labels":["setosa","versicolor","virginica"],"scoresOutput":"probabilities","threshold":0.6,"topK":3}</c>.
/// </summary>
/// <param name="ConfidenceBaseline">The distribution of the top score to measure drift against (Monitoring parses it):
/// kept as written, so that a baseline that does not parse is refused on its own instead of failing the model's load.</param>
public sealed record ModelSidecar(
    [property: JsonPropertyName("labels")] IReadOnlyList<string> Labels,
    [property: JsonPropertyName("scoresOutput")] string? ScoresOutput = null,
    [property: JsonPropertyName("threshold")] float? Threshold = null,
    [property: JsonPropertyName("topK")] int TopK = 3,
    [property: JsonPropertyName("confidenceBaseline")] JsonElement? ConfidenceBaseline = null);
