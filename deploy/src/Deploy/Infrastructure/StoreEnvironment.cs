using Amazon.CDK.AWS.S3;

namespace MultiModel.Deploy.Infrastructure;

/// <summary>
/// The model store as environment variables, in the ModelHost's own settings (<c>ModelHost:Store:*</c>). The
/// <c>multimodel</c> tool reads the same variables, so a ModelHost function and the advancer see one store.
/// </summary>
internal static class StoreEnvironment
{
    public static Dictionary<string, string> S3(IBucket bucket, string prefix) => new()
    {
        ["ModelHost__Store__Kind"] = "S3",
        ["ModelHost__Store__S3__Bucket"] = bucket.BucketName,
        ["ModelHost__Store__S3__Prefix"] = prefix,
    };
}
