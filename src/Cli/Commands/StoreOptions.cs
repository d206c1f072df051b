using System.CommandLine;
using MultiModel.Cli.Stores;

namespace MultiModel.Cli.Commands;

/// <summary>
/// Which store a verb works on. Whatever the command line leaves out comes from the settings the host reads
/// (<c>ModelHost__Store__Kind</c>, <c>ModelHost__Store__LocalRoot</c>, <c>ModelHost__Store__S3__Bucket</c>, ...).
/// </summary>
internal sealed class StoreOptions
{
    private readonly Option<string?> _kind = new("--store") { Description = "local or s3 (default: ModelHost__Store__Kind, or what --root/--bucket imply)." };
    private readonly Option<string?> _root = new("--root") { Description = "The local store's folder ({root}/{id}/{version}/model.onnx)." };
    private readonly Option<string?> _bucket = new("--bucket") { Description = "The S3 store's bucket." };
    private readonly Option<string?> _prefix = new("--prefix") { Description = "Prepended to every S3 key, as the host's ModelHost:Store:S3:Prefix." };
    private readonly Option<string?> _serviceUrl = new("--service-url") { Description = "An S3-compatible endpoint (path-style addressing)." };
    private readonly Option<string?> _region = new("--region") { Description = "The bucket's region (default: the SDK's chain)." };

    public StoreOptions(Command command)
    {
        _kind.AcceptOnlyFromAmong("local", "s3", "Local", "S3");
        foreach (var option in new[] { _kind, _root, _bucket, _prefix, _serviceUrl, _region })
        {
            command.Options.Add(option);
        }
    }

    public StoreArguments Read(ParseResult parse) => new(
        parse.GetValue(_kind), parse.GetValue(_root), parse.GetValue(_bucket), parse.GetValue(_prefix), parse.GetValue(_serviceUrl), parse.GetValue(_region));
}
