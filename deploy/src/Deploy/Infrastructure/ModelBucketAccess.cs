using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.S3;

namespace MultiModel.Deploy.Infrastructure;

/// <summary>
/// The model bucket's statements, scoped to folders under the prefix. The host and the tool call GetObject (ranged
/// too) and HeadObject, both authorized by s3:GetObject, ListObjectsV2, authorized by s3:ListBucket with the listed
/// prefix as <c>s3:prefix</c>, and (the tool only) PutObject, conditional or not, authorized by s3:PutObject.
/// </summary>
internal static class ModelBucketAccess
{
    /// <summary>The policy's object name in a model's folder (the host's RolloutPolicy.FileName).</summary>
    public const string RolloutPolicyFile = "rollout.json";

    /// <summary>Read and list <paramref name="folders"/> (each ends with '/').</summary>
    public static void GrantRead(Role role, IBucket bucket, IReadOnlyList<string> folders)
    {
        role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "ReadModels",
            Actions = ["s3:GetObject"],
            Resources = folders.Select(folder => bucket.ArnForObjects(folder + "*")).ToArray(),
        }));
        role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "ListModels",
            Actions = ["s3:ListBucket"],
            Resources = [bucket.BucketArn],
            Conditions = new Dictionary<string, object>
            {
                ["StringLike"] = new Dictionary<string, object> { ["s3:prefix"] = folders.Select(folder => folder + "*").ToArray() },
            },
        }));
    }

    /// <summary>Write every model's rollout policy, <c>{prefix}{id}/rollout.json</c>, and no other object.</summary>
    public static void GrantRolloutPolicyWrite(Role role, IBucket bucket, string prefix) =>
        role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "WriteRolloutPolicies",
            Actions = ["s3:PutObject"],
            // IAM's "*" also crosses '/', so a rollout.json deeper down (in a version folder) matches too; the host never
            // reads one there, and what matters holds: no model file, sidecar or anything outside the prefix is writable.
            Resources = [bucket.ArnForObjects($"{prefix}*/{RolloutPolicyFile}")],
        }));
}
