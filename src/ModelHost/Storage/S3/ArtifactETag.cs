namespace MultiModel.ModelHost.Storage.S3;

/// <summary>
/// The ETag the store hands out covers the model and its <c>labels.json</c>, so replacing (or adding) only the labels
/// is noticed by revalidation too. S3 ETags never contain '+', which keeps the two parts apart.
/// </summary>
internal readonly record struct ArtifactETag(string Model, string? Sidecar)
{
    private const string Separator = "+labels:";

    public static string Format(string modelETag, string? sidecarETag) =>
        sidecarETag is null ? modelETag : modelETag + Separator + sidecarETag;

    public static ArtifactETag Parse(string etag)
    {
        var split = etag.IndexOf(Separator, StringComparison.Ordinal);
        return split < 0 ? new(etag, null) : new(etag[..split], etag[(split + Separator.Length)..]);
    }
}
