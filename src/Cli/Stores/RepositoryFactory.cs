using System.ComponentModel.DataAnnotations;
using Amazon.Runtime;
using Amazon.S3;
using MultiModel.ModelHost.Storage;
using MultiModel.ModelHost.Storage.S3;

namespace MultiModel.Cli.Stores;

/// <summary>
/// Opens the store the command line names, falling back to the host's settings for what it leaves out, and builds the
/// S3 client exactly as the host does (<see cref="S3ClientConfigFactory"/>, credentials from the SDK's default chain).
/// </summary>
internal static class RepositoryFactory
{
    /// <summary>S3 parts of a multipart upload: S3's minimum is 5 MB, and 16 MB is the host's own part size for downloads.</summary>
    public const int DefaultPartSizeMegabytes = 16;

    public static IModelRepository Open(StoreArguments arguments, IConfiguration settings, int partSizeMegabytes = DefaultPartSizeMegabytes) =>
        KindOf(arguments, settings) switch
        {
            ModelStoreKind.S3 => OpenS3(arguments, settings, partSizeMegabytes),
            _ => new LocalModelRepository(arguments.Root ?? settings[$"{ModelStoreOptions.SectionName}:{nameof(ModelStoreOptions.LocalRoot)}"]
                ?? throw new StoreException("The local store needs a folder: give --root DIR (or set ModelHost__Store__LocalRoot).")),
        };

    private static ModelStoreKind KindOf(StoreArguments arguments, IConfiguration settings)
    {
        var named = arguments.Kind ?? (arguments.Bucket is not null ? "S3" : arguments.Root is not null ? "Local" : null)
            ?? settings[$"{ModelStoreOptions.SectionName}:{nameof(ModelStoreOptions.Kind)}"]
            ?? throw new StoreException("Say which store: --store local --root DIR, or --store s3 --bucket BUCKET (or set ModelHost__Store__Kind).");
        return Enum.TryParse<ModelStoreKind>(named, ignoreCase: true, out var kind) && Enum.IsDefined(kind) ? kind
            : throw new StoreException($"The store kind '{named}' is neither local nor s3.");
    }

    private static S3ModelRepository OpenS3(StoreArguments arguments, IConfiguration settings, int partSizeMegabytes)
    {
        var options = settings.GetSection(S3ModelStoreOptions.SectionName).Get<S3ModelStoreOptions>() ?? new S3ModelStoreOptions();
        options.Bucket = arguments.Bucket ?? options.Bucket;
        options.Prefix = arguments.Prefix ?? options.Prefix;
        options.ServiceUrl = arguments.ServiceUrl ?? options.ServiceUrl;
        options.Region = arguments.Region ?? options.Region;

        // The checks the host runs on the same options at start (ValidateDataAnnotations), named as its settings are.
        var problems = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), problems, validateAllProperties: true))
        {
            throw new StoreException("The S3 store's settings are not valid: " + string.Join(" ", problems.Select(problem =>
                $"{S3ModelStoreOptions.SectionName}:{string.Join(",", problem.MemberNames)}: {problem.ErrorMessage}")) + " (give --bucket, or set ModelHost__Store__S3__Bucket).");
        }

        var config = S3ClientConfigFactory.Create(options);
        try
        {
            return new S3ModelRepository(new AmazonS3Client(config), options, partSizeMegabytes * 1024L * 1024);
        }
        catch (AmazonClientException exception) when (config.RegionEndpoint is null && string.IsNullOrEmpty(config.ServiceURL))
        {
            throw new StoreException("The S3 store has no region: give --region, or set AWS_REGION or ModelHost__Store__S3__Region.", exception);
        }
    }
}
