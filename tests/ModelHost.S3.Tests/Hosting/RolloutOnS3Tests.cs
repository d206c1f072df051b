using System.Net;
using System.Text.Json;
using MultiModel.ModelHost.Models;
using MultiModel.ModelHost.S3.Tests.Support;
using MultiModel.TestSupport;

namespace MultiModel.ModelHost.S3.Tests.Hosting;

/// <summary>A model's rollout policy kept in the bucket beside its versions, as the host reads it from radosgw.</summary>
[Collection(RadosgwCollection.Name)]
public sealed class RolloutOnS3Tests(RadosgwFixture s3)
{
    [Fact]
    public async Task Predict_PolicyInTheBucket_StableAnswersAndAChangeIsSeenWithinRevalidateAfter()
    {
        var id = RadosgwFixture.NewId("rollout");
        await s3.PutModelAsync(id, 1, SmallModels.Small);
        await s3.PutModelAsync(id, 2, SmallModels.Other);
        await s3.PutAsync($"{id}/{RolloutPolicy.FileName}", RolloutPolicyJson.Write(new RolloutPolicy(Stable: 1)));
        using var app = new S3ModelHostApp(s3, new() { ["ModelHost:Cache:RevalidateAfter"] = "00:00:00.2" });
        var client = app.CreateClient();

        var atStable = await Predict.PostAsync(client, $"/models/{id}/predict");
        Assert.Equal(HttpStatusCode.OK, atStable.StatusCode);
        Assert.Equal(Predict.Direct(SmallModels.Small), await Predict.OutputAsync(atStable));

        await s3.PutAsync($"{id}/{RolloutPolicy.FileName}", RolloutPolicyJson.Write(new RolloutPolicy(Stable: 2, PreviousStable: [1])));

        Assert.True(await Eventually.TrueAsync(async () => await VersionAsync(client, id) == 2), "the promoted version did not answer");
        Assert.Equal(1, await VersionAsync(client, id, "/versions/1"));
    }

    private static async Task<int> VersionAsync(HttpClient client, string id, string pinned = "")
    {
        using var response = await Predict.PostAsync(client, $"/models/{id}{pinned}/predict");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("modelVersion").GetInt32();
    }
}
