namespace MultiModel.Cli.Stores;

/// <summary>A file of a version as it will be stored: its name in the version folder, where its bytes are now, their size and SHA-256.</summary>
internal sealed record VersionFile(string Name, string SourcePath, long Bytes, string Sha256);
