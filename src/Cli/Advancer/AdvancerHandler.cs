using Microsoft.Extensions.Logging;
using MultiModel.Cli.Commands;
using MultiModel.Cli.Rollouts;
using MultiModel.Cli.Stores;

namespace MultiModel.Cli.Advancer;

/// <summary>
/// The rollout advancer's work for one event, without Lambda (<see cref="AdvancerLambda"/> feeds it): the schedule's
/// <c>{"alarm":"ok"}</c> runs <c>advance --alarm ok</c> on every model of the store whose candidate has steps; a
/// candidate alarm's event runs <c>advance --alarm alarm</c> on the one model its name gives. Both take
/// <see cref="PolicyStep"/> with <see cref="RolloutSchedule.Advance"/>, the path the verb takes. One model failing does
/// not keep the others from their step; it makes the result unsuccessful, so the invocation fails visibly.
/// </summary>
/// <param name="alarmPrefix">MULTIMODEL_CANDIDATE_ALARM_PREFIX: what this stack's candidate alarm names start with.</param>
internal sealed class AdvancerHandler(IModelRepository repository, string alarmPrefix, TimeProvider time, ILogger logger)
{
    public async Task<AdvancerResult> HandleAsync(string eventJson, CancellationToken cancellationToken)
    {
        if (AdvancerEvent.TryParse(eventJson, out var problem) is not { } parsed)
        {
            AdvancerLog.Refused(logger, problem);
            return AdvancerResult.Refused(null, problem);
        }

        return parsed.Alarm
            ? await RollBackAsync(parsed, cancellationToken)
            : await TickAsync(parsed, cancellationToken);
    }

    private async Task<AdvancerResult> TickAsync(AdvancerEvent tick, CancellationToken cancellationToken)
    {
        var models = new List<AdvancedModel>();
        foreach (var modelId in await repository.Store.ListModelsAsync(cancellationToken))
        {
            var done = await AdvanceAsync(tick, modelId, cancellationToken);

            // A model with no scheduled rollout is left as it is, as advance leaves it; listing every such model each
            // minute would bury the few that moved.
            if (done.Step?.Current.Policy?.Candidate?.Steps is not null || done.Model.Action == AdvancedModel.ErrorAction)
            {
                models.Add(done.Model);
            }
        }

        return new AdvancerResult(tick.ToString(), null, models);
    }

    private async Task<AdvancerResult> RollBackAsync(AdvancerEvent alarm, CancellationToken cancellationToken)
    {
        if (CandidateAlarmName.ModelIdOf(alarm.AlarmName!, alarmPrefix, out var problem) is not { } modelId)
        {
            AdvancerLog.Refused(logger, problem);
            return AdvancerResult.Refused(alarm.ToString(), problem);
        }

        // advance would say "nothing is being rolled out" for a model the store does not have; an alarm naming one means
        // the stack and the store disagree, which someone should see.
        if ((await repository.Store.ListVersionsAsync(modelId, cancellationToken)).Count == 0)
        {
            var unknown = $"The alarm '{alarm.AlarmName}' names model '{modelId}', which {repository.Location} does not have; nothing was rolled back.";
            AdvancerLog.Failed(logger, alarm.ToString(), modelId, unknown);
            return new AdvancerResult(alarm.ToString(), null, [AdvancedModel.Failed(modelId, unknown)]);
        }

        return new AdvancerResult(alarm.ToString(), null, [(await AdvanceAsync(alarm, modelId, cancellationToken)).Model]);
    }

    private async Task<(AdvancedModel Model, PolicyStepResult? Step)> AdvanceAsync(AdvancerEvent @event, string modelId, CancellationToken cancellationToken)
    {
        PolicyStepResult step;
        try
        {
            step = await PolicyStep.RunAsync(
                repository, modelId, current => RolloutSchedule.Advance(current.Policy, @event.Alarm, time.GetUtcNow()), time, cancellationToken);
        }
        catch (Exception exception) when (CommandRunner.Describe(exception) is { } message)
        {
            AdvancerLog.Failed(logger, @event.ToString(), modelId, message);
            return (AdvancedModel.Failed(modelId, message), null);
        }

        if (step.Current.Policy?.Candidate?.Steps is not null || @event.Alarm)
        {
            AdvancerLog.Advanced(logger, @event.ToString(), modelId, step.Change.Action, step.Change.Summary);
        }

        return (new AdvancedModel(modelId, step.Change.Action, step.Change.Summary, step.Written is not null), step);
    }
}
