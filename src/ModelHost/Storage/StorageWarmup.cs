using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Storage;

/// <summary>
/// The first load's JSON reads, done once on a sample at start-up: the sidecar's and the rollout policy's
/// source-generated serializers build their metadata on first use (~25 ms together, measured with
/// <c>bench/ColdStart</c>), which would otherwise land on the first request. Runs beside
/// <see cref="Api.Formats.FormatWarmup"/>, on ONNX Runtime's background start, off the start-up thread.
/// </summary>
internal static class StorageWarmup
{
    public static void Run()
    {
        var warmup = new ModelRef("warmup", 1);
        ModelSidecarReader.Read("""{"labels":["a","b"],"scoresOutput":"scores","threshold":0.5,"topK":1}"""u8, warmup);
        RolloutPolicyJson.TryRead("""{"stable":1}"""u8, out _);
    }
}
