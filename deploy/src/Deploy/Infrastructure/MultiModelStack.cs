using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.Lambda;
using Constructs;
using MultiModel.Deploy.Configuration;
using MultiModel.Deploy.Infrastructure.Gateway;

namespace MultiModel.Deploy.Infrastructure;

/// <summary>
/// The whole deployment: model bucket, ModelHost functions, Router, routing rules, candidate alarms and the rollout
/// advancer, dashboard; optionally the REST API in front of the Router or the shared ModelHost.
/// </summary>
internal sealed class MultiModelStack : Stack
{
    public MultiModelStack(Construct scope, string id, DeploymentConfig config, string imageDirectory, IStackProps? props = null)
        : base(scope, id, props)
    {
        var parameters = new DeployParameters(this);
        var retention = LogRetentionPeriods.ByDays[config.LogRetentionDays];
        var image = new ContainerImage(imageDirectory, config.Architecture == "arm64" ? Architecture.ARM_64 : Architecture.X86_64);
        Models = new ModelBucket(this, "Models", parameters);

        var gatewayTarget = config.ApiGateway?.Target;
        ModelFunction Create(ModelFunctionConfig function, bool isolated) =>
            new(this, isolated ? $"Model-{function.Name}" : "ModelHost", new ModelFunctionProps(
                function, isolated, Models.Bucket, config.ModelPrefix, image, parameters, retention, config.AlarmTopicArn,
                BehindRestApi: !isolated && gatewayTarget == DeploymentConfig.SharedFunctionName));

        ModelHost = Create(config.ModelHost, isolated: false);
        IsolatedFunctions = config.IsolatedFunctions.ToDictionary(f => f.Name, f => Create(f, isolated: true));

        var all = IsolatedFunctions.Values.Prepend(ModelHost).ToList();
        // The functions the Router may reach by URL (validation keeps the shared one out when it is behind the REST API).
        var urls = all.Where(f => f.Url is not null).ToDictionary(f => f.Name, f => (IFunctionUrl)f.Url!);
        Rules = new RoutingRules(this, "RoutingRules", config.RulesPath, config.Routes, urls);

        Router = new RouterFunction(this, "Router", new RouterFunctionProps(
            config.RulesPath, config.RulesPollInterval, config.RouterUrlAuth == "NONE",
            all.Select(f => (IFunction)f.Alias).ToList(),
            config.RouterDefaultTarget.Length > 0 ? urls[config.RouterDefaultTarget] : null,
            image, parameters, retention, config.AlarmTopicArn,
            BehindRestApi: gatewayTarget == ApiGatewayConfig.RouterTarget));

        if (config.ApiGateway is { } gateway)
        {
            // The Router has no alias; the shared ModelHost is reached on its live alias, where provisioned concurrency is.
            IFunction target = gateway.Target == ApiGatewayConfig.RouterTarget ? Router.Function : ModelHost.Alias;
            Gateway = new ModelApi(this, "Gateway", gateway, target, retention);
            _ = new CfnOutput(this, "ApiUrl", new CfnOutputProps
            {
                Value = Gateway.Api.Url,
                Description = $"The REST API in front of the {gateway.Target} function: {{ApiUrl}}models/{{id}}/predict, {{ApiUrl}}v2/models/{{name}}/infer",
            });
            foreach (var (name, client) in Gateway.UsagePlans)
            {
                _ = new CfnOutput(this, $"ApiKeyId-{name}", new CfnOutputProps
                {
                    Value = client.Key.KeyId,
                    Description = $"Client '{name}': aws apigateway get-api-key --include-value --api-key <id>",
                });
            }
        }

        // One pair of alarms per model any function lists, over every function that lists it.
        var alarmScope = new Construct(this, "CandidateAlarms");
        CandidateAlarms = all
            .SelectMany(function => function.Models.Distinct().Select(model => (Model: model, Function: function)))
            .GroupBy(pair => pair.Model, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => new CandidateAlarms(alarmScope, group.Key, group.Key,
                group.Select(pair => pair.Function.Function.FunctionName).ToList(), config.Rollouts.AlarmMinRequests, parameters, config.AlarmTopicArn));

        if (config.Rollouts.Advancer)
        {
            Advancer = new RolloutAdvancer(this, "RolloutAdvancer", new RolloutAdvancerProps(
                Models.Bucket, config.ModelPrefix, config.Rollouts.Schedule,
                CandidateAlarms.Values.SelectMany(a => a.Names).ToList(),
                image, retention, config.AlarmTopicArn));
            _ = new CfnOutput(this, "RolloutAdvancerName", new CfnOutputProps { Value = Advancer.Function.FunctionName });
            _ = new CfnOutput(this, "RolloutScheduleRuleName", new CfnOutputProps { Value = Advancer.Schedule.RuleName });
        }

        Dashboard = new OperationsDashboard(this, "Operations", all, Router, parameters,
            CandidateAlarms.Values.SelectMany(a => new IAlarm[] { a.Errors, a.Latency }).ToList());

        _ = new CfnOutput(this, "DashboardName", new CfnOutputProps { Value = Dashboard.Dashboard.DashboardName });
        _ = new CfnOutput(this, "ModelBucketName", new CfnOutputProps { Value = Models.Bucket.BucketName });
        if (Router.Url is { } routerUrl)
        {
            _ = new CfnOutput(this, "RouterUrl", new CfnOutputProps { Value = routerUrl.Url });
        }

        if (ModelHost.Url is { } modelHostUrl)
        {
            _ = new CfnOutput(this, "ModelHostUrl", new CfnOutputProps { Value = modelHostUrl.Url });
        }

        foreach (var (name, function) in IsolatedFunctions)
        {
            _ = new CfnOutput(this, $"ModelUrl-{name}", new CfnOutputProps { Value = function.Url!.Url });
        }
    }

    public ModelBucket Models { get; }

    public ModelFunction ModelHost { get; }

    public IReadOnlyDictionary<string, ModelFunction> IsolatedFunctions { get; }

    public RoutingRules Rules { get; }

    public RouterFunction Router { get; }

    /// <summary>By model id.</summary>
    public IReadOnlyDictionary<string, CandidateAlarms> CandidateAlarms { get; }

    /// <summary>Null when <c>rollouts.advancer</c> is false.</summary>
    public RolloutAdvancer? Advancer { get; }

    public OperationsDashboard Dashboard { get; }

    /// <summary>Null unless <c>apiGateway</c> is configured.</summary>
    public ModelApi? Gateway { get; }
}
