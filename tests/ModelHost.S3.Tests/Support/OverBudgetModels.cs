using System.Net;
using MultiModel.TestModels;
using MultiModel.TestSupport;

namespace MultiModel.ModelHost.S3.Tests.Support;

/// <summary>
/// Five ~165 KB models in radosgw for a host with a 1 MB memory budget (charged at the default 1.5x): loading all five
/// evicts the first, whose copy stays in the disk tier.
/// </summary>
public static class OverBudgetModels
{
    public static Dictionary<string, string?> Settings() => new()
    {
        ["ModelHost:Cache:BudgetMegabytes"] = "1",
        ["ModelHost:Cache:MeasureLoadMemory"] = "false",
    };

    public static async Task<(string Id, byte[] Bytes)[]> UploadAsync(RadosgwFixture s3, string prefix)
    {
        var models = Enumerable.Range(0, 5).Select(i => (Id: RadosgwFixture.NewId($"{prefix}{i}"), Bytes: TestModelFactory.Mlp(4, 10_000, 3, seed: i + 1))).ToArray();
        foreach (var (id, bytes) in models)
        {
            await s3.PutModelAsync(id, 1, bytes);
        }

        return models;
    }

    /// <summary>Predicts with each model in turn, then waits until the first is evicted (eviction ends off the request path).</summary>
    public static async Task LoadAllUntilTheFirstIsEvictedAsync(S3ModelHostApp app, HttpClient client, (string Id, byte[] Bytes)[] models)
    {
        foreach (var (id, _) in models)
        {
            Assert.Equal(HttpStatusCode.OK, (await Predict.PostAsync(client, $"/models/{id}/predict")).StatusCode);
        }

        await Eventually.TrueAsync(() => !app.Cache.Snapshot().Models.Any(model => model.Ref.Id == models[0].Id));
        Assert.DoesNotContain(app.Cache.Snapshot().Models, model => model.Ref.Id == models[0].Id);
    }
}
