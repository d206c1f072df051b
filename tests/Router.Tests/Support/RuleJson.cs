using System.Text.Json;

namespace MultiModel.Router.Tests.Support;

/// <summary>Builds rule JSON the way an operator would write it.</summary>
public static class RuleJson
{
    public static string Exact(string id, params object[] targets) => Rule(new { exact = id }, targets);

    public static string Prefix(string prefix, params object[] targets) => Rule(new { prefix }, targets);

    public static string Glob(string glob, params object[] targets) => Rule(new { glob }, targets);

    public static object Target(string url, int weight = 1, string? timeout = null, string auth = "none", string? region = null) =>
        new { url, weight, timeout, auth, region };

    public static string File(params (string Name, string Json)[] rules) =>
        "{\"rules\": {" + string.Join(",", rules.Select(r => $"{JsonSerializer.Serialize(r.Name)}: {r.Json}")) + "}}";

    public static string Rule(object match, object[] targets, string? stickyHeader = null) =>
        JsonSerializer.Serialize(new { match, targets, stickyHeader }, new JsonSerializerOptions { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull });
}
