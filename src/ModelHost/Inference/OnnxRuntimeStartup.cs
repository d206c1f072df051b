namespace MultiModel.ModelHost.Inference;

/// <summary>
/// Starts ONNX Runtime (its native library, the shared environment and a warm-up session) on a background thread as
/// soon as the app is configured. Done inline it would hold up everything else in start-up, which on Lambda is the
/// cold start users wait for; in the background it overlaps with the host starting, and the first load awaits it.
/// </summary>
/// <param name="warmUp">The warm-up model's one run, e.g. a request through the API's formats; null for ONNX Runtime's own.</param>
public sealed class OnnxRuntimeStartup(InferenceOptions options, Action<OnnxModel>? warmUp = null)
{
    public Task<SessionOptions> SessionOptions { get; } = Task.Run(() => OnnxRuntimeSetup.CreateSessionOptions(options, warmUp));
}
