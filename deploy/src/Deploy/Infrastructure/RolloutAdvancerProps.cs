using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.S3;

namespace MultiModel.Deploy.Infrastructure;

internal sealed record RolloutAdvancerProps(
    IBucket Bucket,
    string ModelPrefix,
    string Schedule,
    IReadOnlyList<string> CandidateAlarmNames,
    ContainerImage Image,
    RetentionDays LogRetention,
    string? AlarmTopicArn);
