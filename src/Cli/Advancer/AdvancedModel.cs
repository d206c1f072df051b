namespace MultiModel.Cli.Advancer;

/// <summary>What the advancer did to one model, in the words <c>advance --json</c> uses.</summary>
/// <param name="Action">advanced, promoted, rolled-back or none, as <c>advance</c> says; error when it could not be done.</param>
/// <param name="Changed">Whether its rollout.json was written.</param>
internal sealed record AdvancedModel(string ModelId, string Action, string Summary, bool Changed)
{
    public const string ErrorAction = "error";

    public static AdvancedModel Failed(string modelId, string why) => new(modelId, ErrorAction, why, false);
}
