using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json;

namespace MultiModel.ModelHostProcess;

/// <summary>Concurrent clients asking for models in random order, each answer checked against a direct run.</summary>
public static class ChurnClients
{
    private const float Tolerance = 1e-4f;

    public static async Task<ChurnResult> RunAsync(Uri address, IReadOnlyList<WorkloadModel> models, int clients, TimeSpan duration)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients }) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        var statuses = new ConcurrentDictionary<int, int>();
        var failures = new ConcurrentQueue<string>();
        var wrong = 0;
        var requests = 0;
        var deadline = DateTime.UtcNow + duration;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            var random = new Random(client);
            while (DateTime.UtcNow < deadline)
            {
                var model = models[random.Next(models.Count)];
                var variant = random.Next(MemoryWorkload.Bodies.Count);
                var (status, body) = await PostAsync(http, model, variant);
                Interlocked.Increment(ref requests);
                statuses.AddOrUpdate(status, 1, (_, count) => count + 1);
                if (status != 200)
                {
                    Note(failures, $"{model.Id}: {status} {body}");
                }
                else if (!Matches(body, model.Expected[variant]))
                {
                    Interlocked.Increment(ref wrong);
                    Note(failures, $"{model.Id}: wrong output");
                }
            }
        })));
        return new ChurnResult(requests, statuses, wrong, [.. failures]);
    }

    private static async Task<(int Status, string Body)> PostAsync(HttpClient http, WorkloadModel model, int variant)
    {
        try
        {
            using var content = new ByteArrayContent(MemoryWorkload.Bodies[variant]);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await http.PostAsync($"/models/{model.Id}/predict", content);
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return (0, exception.Message); // the host died or hung
        }
    }

    private static bool Matches(string body, float[] expected)
    {
        using var json = JsonDocument.Parse(body);
        var data = json.RootElement.GetProperty("outputs")[0].GetProperty("data");
        return data.GetArrayLength() == expected.Length
            && data.EnumerateArray().Select((value, index) => Math.Abs(value.GetSingle() - expected[index]) <= Tolerance).All(ok => ok);
    }

    private static void Note(ConcurrentQueue<string> failures, string failure)
    {
        if (failures.Count < 20)
        {
            failures.Enqueue(failure.Length > 300 ? failure[..300] : failure);
        }
    }
}
