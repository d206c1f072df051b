using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using Amazon.S3;
using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Storage.S3;

/// <summary>
/// Turns what the SDK throws into the store's exceptions, which the host maps to 404, 503 + Retry-After, or a clear
/// configuration error. Credentials that S3 rejects, credentials that are missing altogether and permissions S3
/// refuses get different messages on purpose: a broken secret, a missing role, a policy to fix.
/// </summary>
internal sealed class S3ErrorTranslator(string bucket, TimeSpan retryAfter)
{
    public Exception Translate(Exception exception, string what, string key)
    {
        var location = $"s3://{bucket}/{key}";
        if (exception is AmazonS3Exception s3)
        {
            switch (s3.ErrorCode)
            {
                case "NoSuchKey":
                    return new ModelNotFoundException($"{what} does not exist: there is no object {location}.");
                case "NoSuchBucket":
                    return new ModelStoreAccessDeniedException(
                        $"The model bucket '{bucket}' does not exist (check ModelHost:Store:S3:Bucket and Region).", s3);
                case "InvalidAccessKeyId" or "SignatureDoesNotMatch" or "ExpiredToken" or "InvalidToken" or "TokenRefreshRequired":
                    return new ModelStoreAccessDeniedException(
                        $"S3 rejected the credentials ({s3.ErrorCode}) while reading {location}: check the role or access keys of the host.", s3);
                case "AccessDenied" or "AllAccessDisabled":
                    return new ModelStoreAccessDeniedException(
                        $"S3 denied access to {location} ({s3.ErrorCode}): the host's role needs s3:GetObject on the models and "
                        + "s3:ListBucket on the bucket (without ListBucket S3 also answers 403 for missing keys).", s3);
                case "SlowDown" or "ServiceUnavailable" or "RequestTimeout" or "InternalError" or "PreconditionFailed":
                    return Unavailable($"S3 could not serve {location} right now ({s3.ErrorCode}).", s3);
            }

            // HEAD responses have no body, so only the status code tells what went wrong.
            return s3.StatusCode switch
            {
                HttpStatusCode.NotFound => new ModelNotFoundException($"{what} does not exist: there is no object {location}."),
                HttpStatusCode.Forbidden => new ModelStoreAccessDeniedException(
                    $"S3 denied access to {location} (403): check the host's role (s3:GetObject, s3:ListBucket).", s3),
                >= HttpStatusCode.InternalServerError or HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout =>
                    Unavailable($"S3 answered {(int)s3.StatusCode} {s3.ErrorCode} for {location}.", s3),
                _ => new ModelLoadFailedException($"S3 refused to serve {location}: {(int)s3.StatusCode} {s3.ErrorCode} {s3.Message}", s3),
            };
        }

        if (exception is AmazonClientException
            && exception.Message.StartsWith("Failed to resolve AWS credentials", StringComparison.Ordinal))
        {
            return new ModelStoreAccessDeniedException(
                $"The host has no AWS credentials to read {location}. On Lambda the function's execution role provides them; " +
                "elsewhere set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, AWS_PROFILE, or run with a role. " +
                "The SDK looked in the environment, a web identity token, the shared profile and instance metadata.",
                exception);
        }

        return IsTransient(exception)
            ? Unavailable($"S3 is unreachable or too slow while reading {location}: {exception.GetBaseException().Message}", exception)
            : exception;
    }

    public ModelStoreUnavailableException Unavailable(string message, Exception? inner = null) => new(message, retryAfter, inner);

    /// <summary>Connection failures and timeouts, however deep the SDK wrapped them.</summary>
    private static bool IsTransient(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is HttpRequestException or SocketException or IOException or TimeoutException or OperationCanceledException
                || (current is AmazonServiceException service && service.StatusCode == 0))
            {
                return true;
            }
        }

        return false;
    }
}
