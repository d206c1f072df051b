using Amazon.CDK;
using Amazon.CDK.AWS.S3;
using Constructs;

namespace MultiModel.Deploy.Infrastructure;

/// <summary>
/// The model store. Versioning keeps an overwritten model recoverable (roll back by copying an old version back);
/// old versions move to a cheaper tier and expire after a retention the operator chooses.
/// </summary>
internal sealed class ModelBucket : Construct
{
    // S3 refuses noncurrent transitions to Standard-IA earlier than 30 days.
    public const int NoncurrentTransitionDays = 30;

    public ModelBucket(Construct scope, string id, DeployParameters parameters)
        : base(scope, id)
    {
        Bucket = new Bucket(this, "Bucket", new BucketProps
        {
            Versioned = true,
            BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
            Encryption = BucketEncryption.S3_MANAGED,
            EnforceSSL = true,
            MinimumTLSVersion = 1.2,
            ObjectOwnership = ObjectOwnership.BUCKET_OWNER_ENFORCED,
            // Models are data, not infrastructure: deleting the stack must not delete them.
            RemovalPolicy = RemovalPolicy.RETAIN,
            LifecycleRules =
            [
                new LifecycleRule
                {
                    Id = "NoncurrentModelVersions",
                    NoncurrentVersionTransitions =
                    [
                        new NoncurrentVersionTransition
                        {
                            StorageClass = StorageClass.INFREQUENT_ACCESS,
                            TransitionAfter = Duration.Days(NoncurrentTransitionDays),
                        },
                    ],
                    NoncurrentVersionExpiration = Duration.Days(parameters.NoncurrentVersionRetentionDays.ValueAsNumber),
                    AbortIncompleteMultipartUploadAfter = Duration.Days(7),
                    // Once every old version has expired, the delete marker left on top is clutter.
                    ExpiredObjectDeleteMarker = true,
                },
            ],
        });
    }

    public Bucket Bucket { get; }
}
