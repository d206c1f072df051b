using System.Security.Cryptography;

namespace MultiModel.Cli.Publishing;

/// <summary>SHA-256 of a file, streamed, as the manifest records it (lowercase hex, as <c>sha256sum</c> prints it).</summary>
internal static class FileDigest
{
    public static async Task<string> Sha256Async(string path, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1024 * 1024, useAsync: true);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }
}
