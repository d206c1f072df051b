using System.Text.Json;
using System.Text.Json.Serialization;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Amazon.SimpleSystemsManagement;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MultiModel.Router.Forwarding;
using MultiModel.Router.Health;
using MultiModel.Router.Logging;
using MultiModel.Router.Rules;
using MultiModel.Router.Rules.Sources;
using MultiModel.ServiceDefaults;

namespace MultiModel.Router;

public static class RouterHostingExtensions
{
    /// <summary>Everything the router needs beyond the service defaults: options (validated at start), rules, forwarding, its readiness check.</summary>
    public static WebApplicationBuilder AddRouter(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<RouterOptions>().BindSettings(RouterOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RulesOptions>().BindSettings(RulesOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ForwardingOptions>().BindSettings(ForwardingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RequestLogOptions>().BindSettings(RequestLogOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
        services.AddHealthChecks().AddCheck<RulesHealthCheck>("rules", tags: [HealthEndpoints.ReadyTag]);

        services.TryAddSingleton(TimeProvider.System);
        // Target selection's randomness, decided once like the clock: Random.Shared is safe from every request at once
        // (a test that puts a seeded Random here must keep to one request at a time; Random itself is not thread-safe).
        services.TryAddSingleton(Random.Shared);
        // Resolved on first use only: a local run (file rules, "none" targets) never touches the credential chain.
        services.TryAddSingleton<AWSCredentials>(_ => DefaultAWSCredentialsIdentityResolver.GetCredentials());
        services.TryAddSingleton<IAmazonSimpleSystemsManagement>(CreateSsmClient);
        services.AddSingleton<IRuleSource>(sp => sp.GetRequiredService<IOptions<RulesOptions>>().Value.Source == RuleSourceKind.Ssm
            ? ActivatorUtilities.CreateInstance<SsmRuleSource>(sp)
            : ActivatorUtilities.CreateInstance<FileRuleSource>(sp));
        // A target without a timeout gets the forwarding default, and Router:DefaultTarget becomes a rule: Rules is given
        // the values, not the settings, which are Forwarding's.
        services.AddSingleton(sp => new RuleCompiler(sp.GetRequiredService<IOptions<ForwardingOptions>>().Value.DefaultTimeout));
        services.AddSingleton(sp =>
        {
            var router = sp.GetRequiredService<IOptions<RouterOptions>>().Value;
            return new DefaultRule(router.DefaultTarget, router.DefaultTargetAuth, sp.GetRequiredService<IOptions<ForwardingOptions>>().Value.DefaultTimeout);
        });
        services.AddSingleton<RuleStore>();
        services.AddSingleton<ReloadSignal>();
        services.AddInstruments<RuleMetrics>();
        services.AddHostedService<RulePoller>();
        services.AddSingleton<RuleResolver>();

        services.AddHttpForwarder();
        services.AddForwarderHttpClient();
        services.AddSingleton<RouterTransformer>();
        services.AddSingleton<TargetCircuits>();
        services.AddInstruments<ForwardMetrics>();
        services.AddSingleton(RouterEmf.Contract()); // read only when EMF is on (Lambda)
        services.AddSingleton<TargetSender>();
        services.AddSingleton<SuccessLineSampler>();
        services.AddSingleton<ForwardRecorder>();
        services.AddSingleton<ModelForwarder>();
        return builder;
    }

    /// <summary>
    /// The router's middleware and endpoints, in order: one definition for Program.cs and for the benchmark's host, so
    /// what is measured is what runs. (Not named UseRouter: ASP.NET Core's UseRouter adds its routing middleware.)
    /// </summary>
    public static WebApplication UseRouterPipeline(this WebApplication app)
    {
        app.UseRequestIds();
        app.UseLambdaResponseLimit(); // on Lambda only: a response over its 6 MB limit becomes a 413 that says so
        app.UseExceptionHandler();
        // Bodiless errors from the framework on the router's own endpoints become ProblemDetails too (unknown paths and
        // methods reach the fallback, which answers one itself). Not on forwarded routes: they take every method, and
        // their answer is the target's or the router's own ProblemDetails, so there the middleware would only cost each
        // request its feature and wrapper (~360 bytes).
        app.UseWhen(static context => !RouterApi.IsForwarded(context.Request.Path), static branch => branch.UseStatusCodePages());
        app.MapDefaultEndpoints(new HealthResponses(HealthResponseWriter.WriteAsync));
        app.MapOpenInferenceApi(); // /v2/health/*, GET /v2, POST /v2/repository/index
        app.MapRouterApi();
        return app;
    }

    private static AmazonSimpleSystemsManagementClient CreateSsmClient(IServiceProvider sp)
    {
        var options = sp.GetRequiredService<IOptions<RulesOptions>>().Value;
        var config = new AmazonSimpleSystemsManagementConfig { MaxErrorRetry = options.SsmMaxErrorRetry, Timeout = TimeSpan.FromSeconds(10) };
        if (options.SsmServiceUrl is { } url)
        {
            config.ServiceURL = url;
        }

        return new AmazonSimpleSystemsManagementClient(sp.GetRequiredService<AWSCredentials>(), config);
    }
}
