using System.Text.Json.Nodes;

namespace MultiModel.ModelHost.Tests.Support;

/// <summary>A valid request for <c>TestModelFactory.AllTypes()</c>, with any one input replaced.</summary>
public static class AllTypesRequest
{
    public static JsonObject Build(string? replace = null, JsonNode? with = null, string[]? outputs = null)
    {
        var inputs = new JsonObject
        {
            ["in_float"] = JsonNode.Parse("[[1.5, 2.5]]"),
            ["in_double"] = JsonNode.Parse("[[1.5, 2.5]]"),
            ["in_int32"] = JsonNode.Parse("[[1, 2]]"),
            ["in_int64"] = JsonNode.Parse("[[1, 2]]"),
            ["in_uint8"] = JsonNode.Parse("[[1, 2]]"),
            ["in_int8"] = JsonNode.Parse("[[1, 2]]"),
            ["in_bool"] = JsonNode.Parse("[[true, false]]"),
            ["in_string"] = JsonNode.Parse("""[["a", "b"]]"""),
            ["in_scalar"] = 1.0,
            ["in_fixed"] = JsonNode.Parse("[1, 2, 3]"),
        };
        if (replace is not null)
        {
            inputs.Remove(replace);
            if (with is not null)
            {
                inputs[replace] = with;
            }
        }

        var body = new JsonObject { ["inputs"] = inputs };
        if (outputs is not null)
        {
            body["outputs"] = new JsonArray(outputs.Select(name => (JsonNode)name).ToArray());
        }

        return body;
    }
}
