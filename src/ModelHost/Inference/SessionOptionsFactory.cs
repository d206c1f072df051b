namespace MultiModel.ModelHost.Inference;

/// <summary>
/// One ONNX Runtime environment with global thread pools, shared by every session. By default each session starts its
/// own pools, so a cache of many models would hold many idle threads (and their stacks) and oversubscribe the CPU.
/// </summary>
public static class SessionOptionsFactory
{
    private static readonly Lock Gate = new();
    private static bool _sharedPools;

    /// <summary>The session options every model is loaded with, once the environment is up and warmed up.</summary>
    /// <param name="warmUp">Runs the warm-up model once (see <see cref="WarmupModel"/>); null for a run of ONNX Runtime alone.</param>
    public static SessionOptions Create(InferenceOptions options, Action<OnnxModel>? warmUp = null)
    {
        var sessionOptions = new SessionOptions { EnableCpuMemArena = options.CpuMemoryArena };
        if (EnsureEnvironment(options))
        {
            sessionOptions.DisablePerSessionThreads();
        }

        WarmupModel.Run(sessionOptions, warmUp);
        return sessionOptions;
    }

    /// <summary>
    /// Whether the process-wide environment has the shared pools. It has not when something else in the process (a
    /// library, a test's direct run) started ONNX Runtime first; sessions must then keep pools of their own, since
    /// a session without them in such an environment cannot be created.
    /// </summary>
    private static bool EnsureEnvironment(InferenceOptions options)
    {
        lock (Gate)
        {
            if (OrtEnv.IsCreated)
            {
                return _sharedPools; // the environment is process-wide; the first configuration wins (tests host several apps)
            }

            using var threading = new OrtThreadingOptions
            {
                GlobalIntraOpNumThreads = options.IntraOpThreads == 0 ? Environment.ProcessorCount : options.IntraOpThreads,
                GlobalInterOpNumThreads = 1,
                GlobalSpinControl = options.SpinWhenIdle,
            };
            var creation = new EnvironmentCreationOptions { logId = "ModelHost", logLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR, threadOptions = threading };
            OrtEnv.CreateInstanceWithOptions(ref creation);
            return _sharedPools = true;
        }
    }
}
