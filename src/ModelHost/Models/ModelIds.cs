using System.Globalization;

namespace MultiModel.ModelHost.Models;

/// <summary>Ids and versions as they arrive (a URL, a prewarm list), checked before anything uses them.</summary>
public static class ModelIds
{
    /// <summary>The id when <see cref="ModelIdRule"/> accepts it; otherwise a 400 that says what is expected.</summary>
    public static string Validate(string id) =>
        ModelIdRule.IsValid(id)
            ? id
            : throw new InvalidInputException($"Model id '{Truncate(id)}' is not valid; expected {ModelIdRule.Description}.");

    public static int? ParseVersion(string? version) =>
        version is null ? null
        : int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed > 0 ? parsed
        : throw new InvalidInputException($"Version '{Truncate(version)}' is not valid; expected a positive integer such as 1 or 2.");

    /// <summary>
    /// The version a store's folder name stands for: a positive integer written as the store fetches it (no sign, no
    /// leading zero, so "01" is not version 1); 0 for any other name, which stores ignore. One spelling per version
    /// keeps the listing and the fetch agreeing on the key.
    /// </summary>
    public static int StoredVersion(ReadOnlySpan<char> folder) =>
        folder is [>= '1' and <= '9', ..] && int.TryParse(folder, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : 0;

    // Shown as the caller sent it, short, and with control characters (a NUL that reached the app) spelled out as \uXXXX.
    private static string Truncate(string text)
    {
        var shown = text.Length <= 64 ? text : text[..64] + "...";
        return shown.Any(char.IsControl)
            ? string.Concat(shown.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()))
            : shown;
    }
}
