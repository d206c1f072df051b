namespace MultiModel.Cli.Stores;

/// <summary>What the command line says about the store; null where it says nothing and the host's settings decide.</summary>
internal sealed record StoreArguments(string? Kind, string? Root, string? Bucket, string? Prefix, string? ServiceUrl, string? Region)
{
    public static StoreArguments None { get; } = new(null, null, null, null, null, null);
}
