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

    private static string Truncate(string text) => text.Length <= 64 ? text : text[..64] + "...";
}
