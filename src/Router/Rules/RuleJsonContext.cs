using System.Text.Json.Serialization;

namespace MultiModel.Router.Rules;

/// <summary>
/// Unknown members are errors: a misspelt "weigth" would otherwise be silently ignored and the rule would route
/// differently from what its author wrote.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(RuleDocument))]
internal sealed partial class RuleJsonContext : JsonSerializerContext;
