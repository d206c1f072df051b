using System.Text.Json.Serialization;
using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Storage;

/// <summary>Serializer metadata generated at compile time: reflection-based metadata costs tens of ms on first use, inside a cold load.</summary>
[JsonSourceGenerationOptions(ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(ModelSidecar))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
