using MultiModel.ModelHost.Api.Formats;
using MultiModel.ModelHost.Caching;
using MultiModel.ModelHost.Inference;
using MultiModel.ModelHost.Storage;

namespace MultiModel.ModelHost.Hosting;

/// <summary>
/// The start-up work that must begin before the app is built, called by the composition root (Program.cs) so that it
/// is seen there rather than hidden in a registration: the allocator set up to give freed memory back, before ONNX
/// Runtime allocates anything; then ONNX Runtime started (its native library, the shared environment, a warm-up
/// session run once through our format) on a background thread at once. Done inline it would hold up the rest of
/// start-up, which on Lambda is the cold start users wait for; in the background it overlaps with the host starting,
/// and the first load awaits it.
/// </summary>
public static class ModelHostStartup
{
    public static WebApplicationBuilder StartModelHostRuntime(this WebApplicationBuilder builder)
    {
        ProcessMemory.ReturnFreedMemoryToTheSystem();
        var inference = builder.Configuration.GetSection(InferenceOptions.SectionName).Get<InferenceOptions>() ?? new InferenceOptions();
        builder.Services.AddSingleton(OnnxRuntimeStartup.Start(inference, WarmUp));
        return builder;
    }

    /// <summary>
    /// Lets ONNX Runtime's background start finish before the process exits early (an invalid setting): exiting while
    /// its native start runs on another thread crashed the process in its teardown (exit 134 or 139 in 2 of 20-30
    /// starts with an invalid <c>ModelHost:Store:Kind</c>) instead of exiting 1 with the setting's line.
    /// </summary>
    public static void SettleRuntimeBeforeExit(this WebApplicationBuilder builder)
    {
        var registered = builder.Services.LastOrDefault(service => service.ServiceType == typeof(OnnxRuntimeStartup));
        if (registered?.ImplementationInstance is OnnxRuntimeStartup startup)
        {
            // Its own failure is not why the process exits; the setting's line says that.
            _ = startup.SessionOptions.ContinueWith(static _ => { }, TaskScheduler.Default).Wait(TimeSpan.FromSeconds(30));
        }
    }

    /// <summary>
    /// What runs once on ONNX Runtime's background start: a request's path through our format on the warm-up model,
    /// then the store's JSON reads, so that neither's first use lands on the first request.
    /// </summary>
    internal static void WarmUp(OnnxModel model)
    {
        FormatWarmup.Run(model);
        StorageWarmup.Run();
    }
}
