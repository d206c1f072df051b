using System.Text.Json;

namespace MultiModel.ModelHost.Api.Formats;

/// <summary>One named input value from a JSON request, in whichever of the JSON formats it came.</summary>
/// <param name="BinaryDataSize">Set when the input's elements come as raw bytes after the JSON (Triton's binary tensor data extension).</param>
internal readonly record struct JsonInput(string Name, JsonElement Value, long? BinaryDataSize = null);
