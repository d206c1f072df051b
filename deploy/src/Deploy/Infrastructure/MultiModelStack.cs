using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.Lambda;
using Constructs;
using MultiModel.Deploy.Configuration;

namespace MultiModel.Deploy.Infrastructure;

/// <summary>
/// The whole deployment: model bucket, ModelHost functions, Router, routing rules, candidate alarms and the rollout
/// advancer, dashboard.
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

        ModelFunction Create(ModelFunctionConfig function, bool isolated) =>
            new(this, isolated ? $"Model-{function.Name}" : "ModelHost", new ModelFunctionProps(
                function, isolated, Models.Bucket, config.ModelPrefix, image, parameters, retention, config.AlarmTopicArn));

        ModelHost = Create(config.ModelHost, isolated: false);
        IsolatedFunctions = config.IsolatedFunctions.ToDictionary(f => f.Name, f => Create(f, isolated: true));

        var all = IsolatedFunctions.Values.Prepend(ModelHost).ToList();
        var urls = IsolatedFunctions.ToDictionary(p => p.Key, p => (IFunctionUrl)p.Value.Url);
        urls[DeploymentConfig.SharedFunctionName] = ModelHost.Url;
        Rules = new RoutingRules(this, "RoutingRules", config.RulesPath, config.Routes, urls);

        Router = new RouterFunction(this, "Router", new RouterFunctionProps(
            config.RulesPath, config.RulesPollInterval, config.RouterUrlAuth == "NONE",
            all.Select(f => (IFunction)f.Alias).ToList(),
            config.RouterDefaultTarget.Length > 0 ? urls[config.RouterDefaultTarget] : null,
            image, parameters, retention, config.AlarmTopicArn));

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
        _ = new CfnOutput(this, "RouterUrl", new CfnOutputProps { Value = Router.Url.Url });
        _ = new CfnOutput(this, "ModelHostUrl", new CfnOutputProps { Value = ModelHost.Url.Url });
        foreach (var (name, function) in IsolatedFunctions)
        {
            _ = new CfnOutput(this, $"ModelUrl-{name}", new CfnOutputProps { Value = function.Url.Url });
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
}
