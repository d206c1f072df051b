using Amazon.CDK;
using Amazon.CDK.AWS.Events;
using Amazon.CDK.AWS.Events.Targets;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using Constructs;

namespace MultiModel.Deploy.Infrastructure;

/// <summary>
/// The scheduled step of a rollout, as CodeDeploy runs it for Lambda aliases: the <c>multimodel</c> tool from the same
/// image (command <c>cli/multimodel</c>), invoked every tick of a schedule to move each rollout whose bake time is over
/// to its next step, and at once when a candidate alarm fires to roll that model back. It may read the models and
/// write only their <c>rollout.json</c>; it has no URL and nothing but EventBridge invokes it.
/// </summary>
internal sealed class RolloutAdvancer : Construct
{
    // It reads and writes a few small JSON objects per model: no model is loaded.
    public const int MemoryMb = 512;
    public const int TimeoutSeconds = 60;

    public RolloutAdvancer(Construct scope, string id, RolloutAdvancerProps props)
        : base(scope, id)
    {
        (LogGroup, Role) = FunctionIdentity.Create(this, props.LogRetention,
            "MultiModel rollout advancer: write its logs, read the models, write their rollout policies.");
        ModelBucketAccess.GrantRead(Role, props.Bucket, [props.ModelPrefix]);
        ModelBucketAccess.GrantRolloutPolicyWrite(Role, props.Bucket, props.ModelPrefix);

        var environment = StoreEnvironment.S3(props.Bucket, props.ModelPrefix);
        environment[AdvancerEvent.ModeVariable] = AdvancerEvent.Mode;
        environment[AdvancerEvent.AlarmPrefixVariable] = CandidateAlarms.NamePrefix(Stack.Of(this));
        Function = new DockerImageFunction(this, "Function", new DockerImageFunctionProps
        {
            Description = "MultiModel rollout advancer (multimodel advance)",
            Code = props.Image.Cli(),
            Architecture = props.Image.Architecture,
            Role = Role,
            LogGroup = LogGroup,
            MemorySize = MemoryMb,
            Timeout = Duration.Seconds(TimeoutSeconds),
            Environment = environment,
        });

        // A failed invocation is a rollback that may not have happened: its Errors alarm matters most here.
        _ = new FunctionAlarms(this, "Alarms", Function, TimeoutSeconds * 800, props.AlarmTopicArn,
            "The advancer's p99 duration reached 80% of its timeout.");

        Schedule = new Rule(this, "Schedule", new RuleProps
        {
            Description = "Advance every rollout whose bake time is over",
            Schedule = Amazon.CDK.AWS.Events.Schedule.Expression(props.Schedule),
            // A missed tick is harmless; the next one comes soon.
            Targets = [new LambdaFunction(Function, new LambdaFunctionProps { Event = AdvancerEvent.Scheduled(), RetryAttempts = 0 })],
        });
        AlarmTrigger = new CandidateAlarmTrigger(this, "OnCandidateAlarm", Function, props.CandidateAlarmNames);
    }

    public LogGroup LogGroup { get; }

    public Role Role { get; }

    public DockerImageFunction Function { get; }

    public Rule Schedule { get; }

    public CandidateAlarmTrigger AlarmTrigger { get; }
}
