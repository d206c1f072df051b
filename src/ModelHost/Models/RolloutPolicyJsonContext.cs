using System.Text.Json.Serialization;

namespace MultiModel.ModelHost.Models;

/// <summary>Source-generated (de)serialization of the rollout policy; written indented, as a person reads and edits it.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(RolloutPolicy))]
internal sealed partial class RolloutPolicyJsonContext : JsonSerializerContext;
