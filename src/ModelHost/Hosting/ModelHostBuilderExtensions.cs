using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MultiModel.ModelHost.Api;
using MultiModel.ModelHost.Api.Errors;
using MultiModel.ModelHost.Api.Formats;
using MultiModel.ModelHost.Api.OpenInference;
using MultiModel.ModelHost.Api.Predictions;
using MultiModel.ModelHost.Caching;
using MultiModel.ModelHost.Caching.ResponseCache;
using MultiModel.ModelHost.Capture;
using MultiModel.ModelHost.Inference;
using MultiModel.ModelHost.Monitoring;
using MultiModel.ModelHost.Rollout;
using MultiModel.ModelHost.Storage;
using MultiModel.ModelHost.Storage.S3;
using MultiModel.ServiceDefaults;
using MultiModel.ServiceDefaults.Lambda;

namespace MultiModel.ModelHost.Hosting;

public static class ModelHostBuilderExtensions
{
    /// <summary>The longest request line Kestrel lets through to the app (see <see cref="AllowLongRequestLines"/>).</summary>
    public const int MaxRequestLineBytes = 16 * 1024;

    /// <summary>
    /// Everything the ModelHost needs beyond the service defaults: options, the store, the cache, the API's services.
    /// Registrations only: the start-up work that must begin earlier is <see cref="ModelHostStartup"/>'s.
    /// </summary>
    public static WebApplicationBuilder AddModelHost(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddModelHostOptions<ModelCacheOptions, ModelCacheOptionsValidator>(ModelCacheOptions.SectionName);
        services.AddModelHostOptions<InferenceOptions, InferenceOptionsValidator>(InferenceOptions.SectionName);
        services.AddModelHostOptions<PredictionLimits, PredictionLimitsValidator>(PredictionLimits.SectionName);
        services.AddOptions<PrewarmOptions>().BindSettings(PrewarmOptions.SectionName); // nothing in it to validate
        services.AddModelHostOptions<ModelStoreOptions, ModelStoreOptionsValidator>(ModelStoreOptions.SectionName);
        services.AddModelHostOptions<ConfidenceDriftOptions, ConfidenceDriftOptionsValidator>(ConfidenceDriftOptions.SectionName);

        services.TryAddSingleton(TimeProvider.System);
        AllowLongRequestLines(builder);
        // Started by the composition root (ModelHostStartup) before this runs; a host configured without it starts it here.
        services.TryAddSingleton(static provider => OnnxRuntimeStartup.Start(provider.GetRequiredService<IOptions<InferenceOptions>>().Value, ModelHostStartup.WarmUp));
        services.AddModelStore(builder.Configuration);
        services.AddResponseCache();
        services.AddInstruments<CacheMetrics>();
        services.AddSingleton<ConfidenceMonitors>();
        services.AddSingleton<ModelCache>().BuildWithMetrics<ModelCache>(); // its gauges: OpenTelemetry's work, off the start-up thread
        services.AddSingleton<VersionResolver>();
        services.AddRollouts();
        services.AddSingleton<PrewarmHealthCheck>();
        services.AddHealthChecks().AddCheck<PrewarmHealthCheck>("prewarm", tags: [HealthEndpoints.ReadyTag]);
        services.AddSingleton<ModelLookup>();
        services.AddSingleton<Prewarmer>();
        services.AddSingleton<PredictionLog>();
        services.AddSingleton<ModelStatistics>();
        services.AddInstruments<PredictionMetrics>();
        services.AddSingleton<PredictionRecorder>();
        services.AddSingleton<ErrorResponses>();
        services.AddSingleton<ShadowRunner>();
        services.AddSingleton<ResponseCaching>();
        services.AddSingleton<PredictionPipeline>();
        services.AddSingleton(static _ => ModelHostEmf.Contract()); // built only when EMF is on (Lambda), not in every start
        services.AddSingleton<PredictionSlots>();
        services.AddDataCapture(builder.Configuration);
        services.AddHostedService<StartupPrewarm>();
        services.AddSingleton<ILambdaWarmup, PrewarmedModelWarmup>(); // asked only on Lambda, after the prewarm

        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default));
        // First among the writers, so that it, not the framework's, answers for the /v2 routes.
        services.Insert(0, ServiceDescriptor.Singleton<IProblemDetailsWriter, OpenInferenceErrorWriter>());
        services.AddExceptionHandler<ModelHostExceptionHandler>();
        services.AddOpenApi(options => options.AddOperationTransformer<JsonRequestBodyTransformer>());

        return builder;
    }

    /// <summary>
    /// Kestrel answers a request line over its 8 KB default with a bare 414 before the app sees it. Ids are at most 128
    /// characters, so such a line is a caller's mistake the app can explain (its id rule, as a ProblemDetails) if it
    /// gets to read it: up to 16 KB it does, past that Kestrel's bare 414 stays. Not on Lambda, where Kestrel is not
    /// in the path. A Kestrel:Limits:MaxRequestLineSize setting wins.
    /// </summary>
    private static void AllowLongRequestLines(WebApplicationBuilder builder)
    {
        if (builder.Configuration["Kestrel:Limits:MaxRequestLineSize"] is null)
        {
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestLineSize = MaxRequestLineBytes);
        }
    }

    /// <summary>
    /// The store the settings name. Chosen while services are registered, because only the chosen store's own settings
    /// are registered and validated: a local run needs no bucket. The kind is read by name here, not bound: the binder
    /// throws on a value that names no kind, and that exception would end the process with a stack trace.
    /// </summary>
    private static void AddModelStore(this IServiceCollection services, IConfiguration configuration)
    {
        var kind = configuration[ModelStoreKinds.Setting];
        if (!ModelStoreKinds.TryParse(kind, out var store))
        {
            throw new InvalidSettingException(ModelStoreKinds.Refusal(kind!));
        }

        services.AddHostedService<ModelStoreStartupLog>();
        if (store == ModelStoreKind.S3)
        {
            services.AddS3ModelStore(configuration);
            return;
        }

        services.AddSingleton<IModelStore>(static provider =>
            new LocalFolderModelStore(provider.GetRequiredService<IOptions<ModelStoreOptions>>().Value.ResolvedLocalRoot()));
    }

    /// <summary>
    /// The response cache and the budget it shares with the models: when any model has it on, its
    /// <c>MaxMegabytes</c> come out of the process's budget (set or derived, <see cref="CacheBudget.Resolve(ModelCacheOptions)"/>)
    /// and the model cache gets the rest, so the two together stay within what the process may use.
    /// </summary>
    private static void AddResponseCache(this IServiceCollection services)
    {
        services.AddOptions<ResponseCacheOptions>().BindSettings(ResponseCacheOptions.SectionName).ValidateGenerated<ResponseCacheOptions, ResponseCacheOptionsValidator>()
            .Validate<IOptions<ModelCacheOptions>>(
                static (responses, models) => !responses.Enabled || ModelBudget(models.Value, responses).Bytes >= ResponseCacheOptions.MinimumModelBudgetMegabytes * 1024L * 1024,
                $"{ResponseCacheOptions.SectionName}:MaxMegabytes takes too much of the process's budget ({ModelCacheOptions.SectionName}:BudgetMegabytes, or " +
                $"its derived value): at least {ResponseCacheOptions.MinimumModelBudgetMegabytes} MB must be left for models.")
            .ValidateOnStart();
        services.AddSingleton(static provider => ModelBudget(
            provider.GetRequiredService<IOptions<ModelCacheOptions>>().Value, provider.GetRequiredService<IOptions<ResponseCacheOptions>>().Value));
        services.AddInstruments<ResponseCacheMetrics>();
        services.AddSingleton<ResponseCache>();
    }

    private static CacheBudget ModelBudget(ModelCacheOptions models, ResponseCacheOptions responses) =>
        CacheBudget.Resolve(models).Less(
            responses.Enabled ? responses.MaxBytes : 0, $"{ResponseCacheOptions.SectionName}:MaxMegabytes = {responses.MaxMegabytes} for the response cache");

    private static void AddModelHostOptions<TOptions, TValidator>(this IServiceCollection services, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions> =>
        services.AddOptions<TOptions>().BindSettings(section).ValidateGenerated<TOptions, TValidator>().ValidateOnStart();
}
