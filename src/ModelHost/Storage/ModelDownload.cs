namespace MultiModel.ModelHost.Storage;

/// <summary>
/// What a fetch transferred from the store, apart from the rest of a load (creating the session, measuring it): the
/// bytes of the model's files and how long the store took to deliver them. S3 counts the object's bytes and its
/// download; the local folder store hands out its files in place, so its figure is the time to find and size them.
/// A disk tier's copy is no download (the artifact carries none).
/// </summary>
public sealed record ModelDownload(long Bytes, TimeSpan Elapsed);
