using Microsoft.Extensions.Options;
using MultiModel.Router.Rules.Sources;

namespace MultiModel.Router.Rules;

/// <summary>
/// Finds the rule for a model id: the stored rule that matches it (<see cref="RuleTable.Resolve"/>), else the
/// <see cref="DefaultRule"/>, else a 404 that says how many rules were searched; while no rules have loaded, a 503 with
/// Retry-After. Reads <see cref="RuleStore.Current"/> once, so a swap mid-request cannot mix rules.
/// </summary>
public sealed class RuleResolver(
    RuleStore store, IRuleSource source, ReloadSignal reload, DefaultRule defaultRule, IOptions<RulesOptions> options, TimeProvider time)
{
    public RuleResolution Resolve(string modelId)
    {
        var table = store.Current;
        if (table is null)
        {
            // No reload request here: the poller already retries every few seconds, and requests must not drive SSM calls.
            return RuleResolution.Refused(StatusCodes.Status503ServiceUnavailable, "Routing rules not loaded",
                $"The router has not been able to read its rules from {source.Description} yet; retry shortly.", RulePoller.NoRulesRetryInterval);
        }

        RequestReloadIfStale();
        return (table.Resolve(modelId) ?? defaultRule.Rule) is { } rule
            ? RuleResolution.Found(rule)
            : RuleResolution.Refused(StatusCodes.Status404NotFound, "No route for model",
                $"No routing rule matches model '{modelId}' and Router:DefaultTarget is not set ({table.Rules.Count} rules loaded from {source.Description}; see GET /router/rules).");
    }

    /// <summary>
    /// In Lambda the poller's timer does not run while the environment is frozen; the first request after a long
    /// freeze notices that no read was even tried for two intervals and asks for one at once. Keyed on attempts, not
    /// successes, so a failing SSM is not hammered by every request.
    /// </summary>
    private void RequestReloadIfStale()
    {
        if (store.Status.LastAttemptAt is { } last && time.GetUtcNow() - last > options.Value.PollInterval * 2)
        {
            reload.Request();
        }
    }
}
