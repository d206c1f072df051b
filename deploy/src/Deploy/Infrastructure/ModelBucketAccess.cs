using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.S3;

namespace MultiModel.Deploy.Infrastructure;

/// <summary>
/// The model bucket's statements, scoped to folders under the prefix. The host calls GetObject (ranged too) and
/// HeadObject, both authorized by s3:GetObject, and ListObjectsV2, authorized by s3:ListBucket with the listed prefix
/// as <c>s3:prefix</c>.
/// </summary>
internal static class ModelBucketAccess
{
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
}
