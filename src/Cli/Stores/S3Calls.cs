using System.Net;
using Amazon.Runtime;
using Amazon.S3;

namespace MultiModel.Cli.Stores;

/// <summary>
/// Runs one SDK call and words its failure for a person at a terminal: which operation, which object, and what to
/// check. A 404 and a 412 pass through untouched, because the caller decides what those mean (no policy yet, a race lost).
/// </summary>
internal static class S3Calls
{
    public static async Task<T> RunAsync<T>(Func<Task<T>> call, string operation, string bucket, string key)
    {
        try
        {
            return await call();
        }
        catch (AmazonS3Exception exception) when (exception.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.PreconditionFailed && exception.ErrorCode != "NoSuchBucket")
        {
            throw;
        }
        catch (AmazonServiceException exception)
        {
            var hint = exception.ErrorCode switch
            {
                "NoSuchBucket" => $"the bucket '{bucket}' does not exist (check --bucket, --region or ModelHost__Store__S3__Bucket)",
                "AccessDenied" or "AllAccessDisabled" => "the tool needs s3:ListBucket on the bucket and s3:GetObject and s3:PutObject on the models",
                "InvalidAccessKeyId" or "SignatureDoesNotMatch" or "ExpiredToken" => "S3 rejected the credentials (AWS_ACCESS_KEY_ID, AWS_PROFILE or the role)",
                _ => exception.Message,
            };
            throw new StoreException($"S3 could not {operation} s3://{bucket}/{key}: {(int)exception.StatusCode} {exception.ErrorCode}: {hint}.", exception);
        }
        catch (AmazonClientException exception)
        {
            throw new StoreException($"S3 could not {operation} s3://{bucket}/{key}: {exception.GetBaseException().Message}", exception);
        }
        catch (HttpRequestException exception)
        {
            throw new StoreException($"S3 is unreachable to {operation} s3://{bucket}/{key}: {exception.GetBaseException().Message}", exception);
        }
    }
}
