namespace MultiModel.Deploy.Configuration;

/// <summary>
/// Patterns and messages the configuration's attributes share. A message starts with <c>{0}</c>, the setting's JSON
/// path and value (see <see cref="DeploymentConfigValidator"/>). RegularExpression lets an empty string pass, so
/// settings that must not be empty also carry Required with the same message.
/// </summary>
internal static class SettingRules
{
    /// <summary>Function and route names: they become construct ids and parameter names.</summary>
    public const string NamePattern = "^[a-z0-9][a-z0-9-]{0,31}$";

    public const string NameMessage = "{0} must be 1-32 lower-case letters, digits or dashes.";

    public const string RangeMessage = "{0} must be between {1} and {2}.";
}
