using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using MultiModel.ModelHost.Tests.Support;
using MultiModel.TestModels;

namespace MultiModel.ModelHost.Tests.Caching;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Predict_ManyClientsAcrossMoreModelsThanTheBudgetHolds_EveryAnswerIsCorrect()
    {
        // Six ~300 KB models against a 1 MB budget: at most three are resident, so requests keep evicting each other.
        using var app = new ModelHostApp(ModelHostApp.ChargedByFileSize(budgetMegabytes: 1));
        var models = Enumerable.Range(0, 6).Select(index => TestModelFactory.Mlp(4, 15_000, 3, seed: index)).ToArray();
        var inputs = Enumerable.Range(0, 4).Select(seed => DirectRun.Inputs(2, 4, seed)).ToArray();
        var expected = new float[models.Length, inputs.Length][];
        for (var model = 0; model < models.Length; model++)
        {
            app.AddModel($"m{model}", 1, models[model]);
            for (var input = 0; input < inputs.Length; input++)
            {
                expected[model, input] = DirectRun.Mlp(models[model], inputs[input], 4);
            }
        }

        var client = app.CreateClient();
        var failures = new ConcurrentBag<string>();
        var clients = Enumerable.Range(0, 8).Select(clientIndex => Task.Run(async () =>
        {
            var random = new Random(clientIndex);
            for (var request = 0; request < 30; request++)
            {
                var (model, input) = (random.Next(models.Length), random.Next(inputs.Length));
                var body = JsonSerializer.Serialize(new { inputs = new { x = DirectRun.Rows(inputs[input], 4) } });
                var response = await client.PredictRawAsync($"/models/m{model}/predict", body);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    failures.Add($"m{model}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
                else if (!(await response.JsonAsync()).OutputFloats("y").SequenceEqual(expected[model, input]))
                {
                    failures.Add($"m{model}: wrong output for input {input}");
                }
            }
        })).ToArray();
        await Task.WhenAll(clients);

        Assert.Empty(failures);
        var snapshot = app.Cache.Snapshot();
        Assert.True(snapshot.Evictions > 0, "the test must exercise eviction");
        Assert.True(snapshot.UsedBytes <= snapshot.BudgetBytes);
    }
}
