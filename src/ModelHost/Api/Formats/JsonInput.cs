using System.Text.Json;

namespace MultiModel.ModelHost.Api.Formats;

/// <summary>One named input value from a JSON request, in whichever of the JSON formats it came.</summary>
internal readonly record struct JsonInput(string Name, JsonElement Value);
