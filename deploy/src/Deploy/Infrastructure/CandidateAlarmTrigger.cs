using Amazon.CDK.AWS.Events;
using Amazon.CDK.AWS.Events.Targets;
using Amazon.CDK.AWS.Lambda;
using Constructs;

namespace MultiModel.Deploy.Infrastructure;

/// <summary>
/// Invokes the advancer when one of the stack's candidate alarms goes into ALARM, with the alarm's name
/// (<see cref="AdvancerEvent.AlarmFired"/>). The rule matches the names exactly: a prefix would also match another
/// stack whose name starts with this one's ("MultiModel" and "MultiModel-staging"). EventBridge takes patterns of at
/// most 2048 characters, so a long list of names is split over several rules.
/// </summary>
internal sealed class CandidateAlarmTrigger : Construct
{
    public const string DetailType = "CloudWatch Alarm State Change";

    // The pattern without names is about 140 characters; each name adds its quotes and a comma.
    private const int NamesBudget = 1800;

    public CandidateAlarmTrigger(Construct scope, string id, IFunction advancer, IReadOnlyList<string> alarmNames)
        : base(scope, id)
    {
        foreach (var (names, index) in Split(alarmNames).Select((names, index) => (names, index)))
        {
            Rules.Add(new Rule(this, index == 0 ? "Rule" : $"Rule{index + 1}", new RuleProps
            {
                Description = "Roll back a rollout whose candidate alarm fired",
                EventPattern = new EventPattern
                {
                    Source = ["aws.cloudwatch"],
                    DetailType = [DetailType],
                    Detail = new Dictionary<string, object>
                    {
                        ["alarmName"] = names.ToArray(),
                        ["state"] = new Dictionary<string, object> { ["value"] = new[] { "ALARM" } },
                    },
                },
                Targets = [new LambdaFunction(advancer, new LambdaFunctionProps { Event = AdvancerEvent.AlarmFired() })],
            }));
        }
    }

    public List<Rule> Rules { get; } = [];

    internal static IEnumerable<List<string>> Split(IReadOnlyList<string> names)
    {
        var chunk = new List<string>();
        var size = 0;
        foreach (var name in names)
        {
            if (chunk.Count > 0 && size + name.Length + 3 > NamesBudget)
            {
                yield return chunk;
                (chunk, size) = ([], 0);
            }

            chunk.Add(name);
            size += name.Length + 3;
        }

        if (chunk.Count > 0)
        {
            yield return chunk;
        }
    }
}
