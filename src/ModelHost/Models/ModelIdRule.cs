using System.Text.RegularExpressions;

namespace MultiModel.ModelHost.Models;

/// <summary>
/// The one rule for model ids, wherever an id comes from: the API's routes, every model store, the deployment's
/// configuration. Ids become folder names, S3 keys and IAM resource ARNs, so only a safe alphabet passes: no
/// separators, no wildcards, no "..", nothing that could climb out of the model root. This file uses no other type of
/// the app, because deploy/ compiles it too: one rule, not copies that drift apart.
/// </summary>
internal static partial class ModelIdRule
{
    /// <summary>The rule in words, for messages that say what was expected.</summary>
    public const string Description = "1 to 128 letters, digits, '.', '_' or '-', starting with a letter or digit, without \"..\"";

    public static bool IsValid(string id) => Pattern().IsMatch(id) && !id.Contains("..", StringComparison.Ordinal);

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}\z")] // \z, not $: "$" would also match before a trailing newline
    private static partial Regex Pattern();
}
