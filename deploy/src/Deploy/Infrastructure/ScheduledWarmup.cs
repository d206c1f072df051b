using Amazon.CDK.AWS.Events;
using Amazon.CDK.AWS.Events.Targets;
using Amazon.CDK.AWS.Lambda;
using Constructs;

namespace MultiModel.Deploy.Infrastructure;

/// <summary>
/// Invokes <c>POST /admin/prewarm</c> on a schedule so that an idle environment keeps its models loaded. It warms
/// one environment per tick; for a guaranteed warm pool use provisioned concurrency instead.
/// </summary>
internal sealed class ScheduledWarmup : Construct
{
    public const string Path = "/admin/prewarm";

    /// <param name="restApiEvent">Whether the function reads REST API events (it is behind the REST API) rather than function-URL ones.</param>
    public ScheduledWarmup(Construct scope, string id, IFunction target, string schedule, IReadOnlyList<string> models, bool restApiEvent = false)
        : base(scope, id)
    {
        Rule = new Rule(this, "Schedule", new RuleProps
        {
            Description = $"Prewarm {string.Join(", ", models)}",
            Schedule = Schedule.Expression(schedule),
            Targets =
            [
                new LambdaFunction(target, new LambdaFunctionProps
                {
                    Event = RuleTargetInput.FromObject(restApiEvent ? RestApiEvent.Post(Path, new { models }) : HttpApiEvent.Post(Path, new { models })),
                    RetryAttempts = 0, // a missed tick is harmless; the next one comes soon
                }),
            ],
        });
    }

    public Rule Rule { get; }
}
