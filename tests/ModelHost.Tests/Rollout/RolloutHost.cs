using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using MultiModel.ModelHost.Models;
using MultiModel.ModelHost.Tests.Support;
using MultiModel.TestModels;
using MultiModel.TestSupport;

namespace MultiModel.ModelHost.Tests.Rollout;

/// <summary>
/// A real host on a local folder store holding model "m" in two versions, whose rollout policy a test writes as the
/// <c>multimodel</c> tool does (the file beside the versions) and reads back through the host's answers. Policies are
/// revalidated every 200 ms, so a change is seen within that, as in production within RevalidateAfter; a failed load is
/// tried again after 200 ms too.
/// </summary>
internal sealed class RolloutHost : IDisposable
{
    public const int Inputs = 4;
    public const string Id = "m";

    public RolloutHost(byte[]? version2 = null, Dictionary<string, string?>? settings = null)
    {
        App = new ModelHostApp(new Dictionary<string, string?>(settings ?? [])
        {
            ["ModelHost:Cache:RevalidateAfter"] = "00:00:00.2",
            ["ModelHost:Cache:FailedLoadRetryAfter"] = "00:00:00.2",
        });
        Version1 = TestModelFactory.Mlp(Inputs, 8, 3, seed: 1);
        Version2 = version2 ?? TestModelFactory.Mlp(Inputs, 8, 3, seed: 2);
        App.AddModel(Id, 1, Version1);
        App.AddModel(Id, 2, Version2);
        Client = App.CreateClient();
    }

    public ModelHostApp App { get; }

    public HttpClient Client { get; }

    public byte[] Version1 { get; }

    public byte[] Version2 { get; }

    public static float[] Input { get; } = DirectRun.Inputs(rows: 5, Inputs, seed: 3);

    public void WritePolicy(RolloutPolicy policy) =>
        File.WriteAllBytes(Path.Combine(App.StoreRoot, Id, RolloutPolicy.FileName), RolloutPolicyJson.Write(policy));

    public void WritePolicyText(string json) => File.WriteAllText(Path.Combine(App.StoreRoot, Id, RolloutPolicy.FileName), json);

    /// <summary>An unpinned prediction: its status, and the version that answered (0 when none did).</summary>
    public async Task<(HttpStatusCode Status, int Version)> PredictAsync(string? callerKey, string path = "/models/m/predict")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = JsonContent.Create(new JsonObject { ["inputs"] = new JsonObject { ["x"] = JsonSerializer.SerializeToNode(DirectRun.Rows(Input, Inputs)) } }),
        };
        if (callerKey is not null)
        {
            request.Headers.Add(RolloutPolicy.DefaultCallerHeader, callerKey);
        }

        using var response = await Client.SendAsync(request);
        var version = response.StatusCode == HttpStatusCode.OK ? (await response.JsonAsync()).GetProperty("modelVersion").GetInt32() : 0;
        return (response.StatusCode, version);
    }

    /// <summary>The versions that answered each caller, in order.</summary>
    public async Task<int[]> VersionsForAsync(IEnumerable<string> callers)
    {
        var versions = new List<int>();
        foreach (var caller in callers)
        {
            var (status, version) = await PredictAsync(caller);
            Assert.Equal(HttpStatusCode.OK, status);
            versions.Add(version);
        }

        return [.. versions];
    }

    /// <summary>Waits until the host applies a policy change: a probe sees what <paramref name="applied"/> expects.</summary>
    public async Task WaitUntilAsync(Func<JsonElement, bool> applied)
    {
        Assert.True(await Eventually.TrueAsync(async () => applied(await DescribeRolloutAsync())), "the host did not apply the policy in time");
    }

    public async Task<JsonElement> DescribeRolloutAsync()
    {
        using var response = await Client.GetAsync("/models/m");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("rollout");
    }

    public void Dispose()
    {
        Client.Dispose();
        App.Dispose();
    }
}
