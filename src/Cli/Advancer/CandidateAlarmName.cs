using MultiModel.ModelHost.Models;

namespace MultiModel.Cli.Advancer;

/// <summary>
/// A candidate alarm's name, <c>{prefix}{model}-candidate-errors</c> or <c>-candidate-latency</c>, back to its model.
/// The prefix (the stack's name and '-') is given, not guessed: stack names and model ids may both hold '-', so
/// <c>MultiModel-staging-iris-candidate-errors</c> is model <c>staging-iris</c> to the stack <c>MultiModel</c>
/// and model <c>iris</c> to the stack <c>MultiModel-staging</c>.
/// </summary>
internal static class CandidateAlarmName
{
    private static readonly string[] Suffixes = ["-candidate-errors", "-candidate-latency"];

    public static string? ModelIdOf(string alarmName, string prefix, out string problem)
    {
        problem = "";
        if (!alarmName.StartsWith(prefix, StringComparison.Ordinal))
        {
            problem = $"The alarm '{alarmName}' is not one of this stack's candidate alarms (they start with '{prefix}'); nothing was rolled back.";
            return null;
        }

        var rest = alarmName[prefix.Length..];
        if (Suffixes.FirstOrDefault(suffix => rest.EndsWith(suffix, StringComparison.Ordinal)) is not { } suffix)
        {
            problem = $"The alarm '{alarmName}' is not a candidate alarm (its name ends neither in {string.Join(" nor in ", Suffixes)}); nothing was rolled back.";
            return null;
        }

        var modelId = rest[..^suffix.Length];
        if (!ModelIdRule.IsValid(modelId))
        {
            problem = $"The alarm '{alarmName}' names '{modelId}', which is not a model id (expected {ModelIdRule.Description}); nothing was rolled back.";
            return null;
        }

        return modelId;
    }
}
