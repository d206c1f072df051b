using System.Text.Json.Serialization;

namespace MultiModel.ModelHost.Models;

/// <summary>A version run on the inputs of <see cref="Percent"/> of the unpinned predictions after they are answered.</summary>
public sealed record ShadowRollout(
    [property: JsonPropertyName("version")] int Version,
    [property: JsonPropertyName("percent")] double Percent);
