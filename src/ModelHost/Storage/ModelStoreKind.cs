namespace MultiModel.ModelHost.Storage;

/// <summary>Where models come from (<c>ModelHost:Store:Kind</c>).</summary>
public enum ModelStoreKind
{
    /// <summary>A folder on local disk; the default, serving the bundled sample models.</summary>
    Local,

    /// <summary>An S3 bucket (<c>ModelHost:Store:S3</c>), behind the disk tier unless it is turned off.</summary>
    S3,
}
