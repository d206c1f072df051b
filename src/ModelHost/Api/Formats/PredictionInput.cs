using System.Text.Json;

namespace MultiModel.ModelHost.Api.Formats;

/// <summary>One named input value from a request, in whichever request format it came.</summary>
internal readonly record struct PredictionInput(string Name, JsonElement Value);
