namespace MultiModel.ModelHost.Inference;

/// <summary>
/// One ONNX Runtime environment with global thread pools, shared by every session. By default each session starts its
/// own pools, so a cache of many models would hold many idle threads (and their stacks) and oversubscribe the CPU.
/// </summary>
public static class OnnxRuntimeSetup
{
    private static readonly Lock Gate = new();

    public static SessionOptions CreateSessionOptions(InferenceOptions options)
    {
        EnsureEnvironment(options);
        var sessionOptions = new SessionOptions();
        sessionOptions.DisablePerSessionThreads();
        RuntimeWarmup.Run(sessionOptions);
        return sessionOptions;
    }

    private static void EnsureEnvironment(InferenceOptions options)
    {
        lock (Gate)
        {
            if (OrtEnv.IsCreated)
            {
                return; // the environment is process-wide; the first configuration wins (tests host several apps)
            }

            using var threading = new OrtThreadingOptions
            {
                GlobalIntraOpNumThreads = options.IntraOpThreads == 0 ? Environment.ProcessorCount : options.IntraOpThreads,
                GlobalInterOpNumThreads = 1,
                GlobalSpinControl = options.SpinWhenIdle,
            };
            var creation = new EnvironmentCreationOptions { logId = "ModelHost", logLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR, threadOptions = threading };
            OrtEnv.CreateInstanceWithOptions(ref creation);
        }
    }
}
