using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MultiModel.ModelHost.Api.Formats;
using MultiModel.ModelHost.Api;
using MultiModel.ModelHost.Caching;
using MultiModel.ModelHost.Inference;
using MultiModel.ModelHost.Storage;
using MultiModel.ModelHost.Storage.S3;
using MultiModel.ServiceDefaults;

namespace MultiModel.ModelHost.Hosting;

public static class ModelHostBuilderExtensions
{
    /// <summary>Everything the ModelHost needs beyond the service defaults: options, the store, the cache, the API's services.</summary>
    public static WebApplicationBuilder AddModelHost(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddModelHostOptions<ModelCacheOptions>(ModelCacheOptions.SectionName);
        services.AddModelHostOptions<InferenceOptions>(InferenceOptions.SectionName);
        services.AddModelHostOptions<RequestOptions>(RequestOptions.SectionName);
        services.AddModelHostOptions<PrewarmOptions>(PrewarmOptions.SectionName);
        services.AddModelHostOptions<ModelStoreOptions>(ModelStoreOptions.SectionName);

        services.TryAddSingleton(TimeProvider.System);
        ProcessMemory.ReturnFreedMemoryToTheSystem(); // before ONNX Runtime allocates anything
        var inference = builder.Configuration.GetSection(InferenceOptions.SectionName).Get<InferenceOptions>() ?? new InferenceOptions();
        services.AddSingleton(new OnnxRuntimeStartup(inference, FormatWarmup.Run)); // starts now, overlapping the rest of start-up
        services.AddModelStore(builder.Configuration);
        services.AddSingleton(CreateCache);
        services.AddSingleton(provider => new VersionResolver(
            provider.GetRequiredService<IModelStore>(),
            provider.GetRequiredService<IOptions<ModelCacheOptions>>().Value,
            provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<PrewarmHealthCheck>();
        services.AddHealthChecks().AddCheck<PrewarmHealthCheck>("prewarm", tags: [HealthEndpoints.ReadyTag]);
        services.AddSingleton<Prewarmer>();
        services.AddSingleton<PredictionLog>();
        services.AddSingleton<PredictionSlots>();
        services.AddSingleton<PredictDependencies>();
        services.AddHostedService<StartupPrewarm>();

        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default));
        services.AddProblemDetails(options => options.CustomizeProblemDetails += OpenInferenceErrors.AddErrorField);
        services.AddExceptionHandler<ModelHostExceptionHandler>();
        services.AddOpenApi(options => options.AddOperationTransformer<JsonRequestBodyTransformer>());

#if LAMBDA_HOSTING
        // A no-op unless AWS_LAMBDA_FUNCTION_NAME is set, so the same image also runs on Kestrel.
        services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
#endif
        return builder;
    }

    private static void AddModelStore(this IServiceCollection services, IConfiguration configuration)
    {
        var kind = configuration.GetValue<string>($"{ModelStoreOptions.SectionName}:Kind") ?? "Local";
        if (string.Equals(kind, "Local", StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<IModelStore>(provider =>
            {
                var root = provider.GetRequiredService<IOptions<ModelStoreOptions>>().Value.LocalRoot;
                return new LocalFolderModelStore(Path.Combine(AppContext.BaseDirectory, root));
            });
        }
        else if (string.Equals(kind, "S3", StringComparison.OrdinalIgnoreCase))
        {
            services.AddS3ModelStore(configuration);
        }
    }

    private static ModelCache CreateCache(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<IOptions<ModelCacheOptions>>().Value;
        var store = provider.GetRequiredService<IModelStore>();
        var time = provider.GetRequiredService<TimeProvider>();
        var budget = CacheBudget.Resolve(options, Environment.GetEnvironmentVariable, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes);
        var sessionOptions = provider.GetRequiredService<OnnxRuntimeStartup>().SessionOptions;
        // The base the budget sits on: the host with ONNX Runtime started and warmed up, before any model.
        var baseResident = sessionOptions.ContinueWith(static _ => ProcessMemory.ResidentBytes(), TaskScheduler.Default);
        var loader = new ModelLoader(store, sessionOptions, options, budget, time);
        return new ModelCache(loader, store, options, budget, baseResident, time, provider.GetRequiredService<ILogger<ModelCache>>());
    }

    private static void AddModelHostOptions<TOptions>(this IServiceCollection services, string section) where TOptions : class =>
        services.AddOptions<TOptions>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
}
