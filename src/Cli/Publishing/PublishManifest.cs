using System.Text.Json;
using MultiModel.ModelHost.Models;

namespace MultiModel.Cli.Publishing;

/// <summary>
/// <c>publish.json</c>, written into every version folder the tool publishes: the SHA-256 of each file, who published
/// it and when, and the gates it passed. A version without one was put into the store by other means, and
/// <c>rollout</c> validates it before giving it traffic.
/// </summary>
/// <param name="Validation">Null when publish ran with <c>--force</c> and skipped the gates.</param>
internal sealed record PublishManifest(
    string Id, int Version, DateTimeOffset PublishedAt, string PublishedBy, string Tool, bool Forced, IReadOnlyList<ManifestFile> Files, ManifestValidation? Validation)
{
    public const string FileName = ModelFiles.PublishManifest;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // a file, not HTML: "+" stays "+"
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Options);

    /// <summary>The manifest, or null when the bytes are not one.</summary>
    public static PublishManifest? TryRead(byte[] json)
    {
        try
        {
            return JsonSerializer.Deserialize<PublishManifest>(json, Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
