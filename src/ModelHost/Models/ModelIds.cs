using System.Globalization;
using System.Text.RegularExpressions;

namespace MultiModel.ModelHost.Models;

/// <summary>
/// Ids and versions from the URL become store paths and S3 keys, so only a safe alphabet passes: no separators,
/// no "..", nothing that could climb out of the model root.
/// </summary>
public static partial class ModelIds
{
    public const string Rule = "1 to 128 letters, digits, '.', '_' or '-', starting with a letter or digit, without \"..\"";

    public static string Validate(string id) =>
        ValidId().IsMatch(id) && !id.Contains("..", StringComparison.Ordinal)
            ? id
            : throw new InvalidInputException($"Model id '{Truncate(id)}' is not valid; expected {Rule}.");

    public static int? ParseVersion(string? version) =>
        version is null ? null
        : int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed > 0 ? parsed
        : throw new InvalidInputException($"Version '{Truncate(version)}' is not valid; expected a positive integer such as 1 or 2.");

    private static string Truncate(string text) => text.Length <= 64 ? text : text[..64] + "...";

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")]
    private static partial Regex ValidId();
}
