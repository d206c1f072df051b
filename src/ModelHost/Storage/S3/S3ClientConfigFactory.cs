using Amazon;
using Amazon.Runtime;
using Amazon.S3;

namespace MultiModel.ModelHost.Storage.S3;

/// <summary>The one place that turns <see cref="S3ModelStoreOptions"/> into SDK client settings.</summary>
public static class S3ClientConfigFactory
{
    public static AmazonS3Config Create(S3ModelStoreOptions options)
    {
        var config = new AmazonS3Config
        {
            Timeout = options.RequestTimeout,
            MaxErrorRetry = options.MaxErrorRetry,
            RetryMode = RequestRetryMode.Standard,
        };

        if (!string.IsNullOrEmpty(options.ServiceUrl))
        {
            config.ServiceURL = options.ServiceUrl;
            // S3-compatible servers (Ceph radosgw, Swift, s3rver) have no virtual-host DNS and reject the SDK v4 default
            // of CRC checksums on every request (docs/s3.md); AWS itself keeps the defaults below.
            config.ForcePathStyle = true;
            config.AuthenticationRegion = options.Region ?? "us-east-1";
            config.RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED;
            config.ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED;
        }
        else if (!string.IsNullOrEmpty(options.Region))
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        }

        return config;
    }
}
