using System.Text.Json.Nodes;
using Amazon;
using MultiModel.Clients;

// dotnet run --project examples/clients/csharp -- <url> [--api-key KEY | --sigv4 execute-api|lambda --region R]
if (args.Length == 0)
{
    Console.Error.WriteLine("usage: <url> [--api-key KEY | --sigv4 execute-api|lambda --region REGION]");
    return 2;
}

var url = new Uri(args[0].TrimEnd('/') + "/");
string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
var client = Option("--api-key") is { } key ? MultiModelClient.WithApiKey(url, key)
    : Option("--sigv4") is { } service ? MultiModelClient.WithSigV4(url, service, RegionEndpoint.GetBySystemName(Option("--region") ?? "us-east-1"))
    : new MultiModelClient(new HttpClient { BaseAddress = url });

float[] rows = [5.1f, 3.5f, 1.4f, 0.2f, 6.3f, 3.3f, 6.0f, 2.5f];
var native = await client.PredictAsync("iris", new JsonObject { ["features"] = JsonNode.Parse("[[5.1, 3.5, 1.4, 0.2], [6.3, 3.3, 6.0, 2.5]]") });
Console.WriteLine("native: " + string.Join(", ", native["predictions"]!.AsArray().Select(p => p!["label"]!.GetValue<string>())));
var json = await client.InferAsync("iris", JsonNode.Parse("""[{"name": "features", "shape": [2, 4], "datatype": "FP32", "data": [5.1, 3.5, 1.4, 0.2, 6.3, 3.3, 6.0, 2.5]}]""")!.AsArray());
Console.WriteLine("open-inference: " + json["outputs"]![0]!["data"]!.ToJsonString());
var binary = await client.InferBinaryAsync("iris", "features", [2, 4], rows, "Score.output");
Console.WriteLine("open-inference-binary: " + string.Join(", ", binary));
return 0;
