namespace MultiModel.ModelHost.Inference;

/// <summary>
/// ONNX Runtime's start (its native library, the shared environment and a warm-up session), begun on a background
/// thread by <see cref="Start"/>, which the composition root calls as early as it can; the first load awaits it.
/// </summary>
public sealed class OnnxRuntimeStartup
{
    private OnnxRuntimeStartup(Task<SessionOptions> sessionOptions) => SessionOptions = sessionOptions;

    public Task<SessionOptions> SessionOptions { get; }

    /// <param name="warmUp">The warm-up model's one run, e.g. a request through the API's formats; null for ONNX Runtime's own.</param>
    public static OnnxRuntimeStartup Start(InferenceOptions options, Action<OnnxModel>? warmUp = null) =>
        new(Task.Run(() => SessionOptionsFactory.Create(options, warmUp)));
}
