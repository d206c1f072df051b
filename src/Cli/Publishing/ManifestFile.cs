namespace MultiModel.Cli.Publishing;

/// <summary>One file of a published version, as its manifest records it.</summary>
internal sealed record ManifestFile(string Name, long Bytes, string Sha256);
