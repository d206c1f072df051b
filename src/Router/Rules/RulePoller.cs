using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using MultiModel.Router.Logging;
using MultiModel.Router.Rules.Sources;

namespace MultiModel.Router.Rules;

/// <summary>
/// Loads the rules at start, then every <see cref="RulesOptions.PollInterval"/> (sooner on a file change).
/// A failed read keeps the last good snapshot. At start, a file that cannot be read stops the app (a local mistake,
/// better loud); SSM that cannot be read does not (a cold start must survive a throttle): the router then answers
/// 503 and retries every few seconds until the first good read.
/// </summary>
public sealed class RulePoller(
    IRuleSource source,
    RuleStore store,
    ReloadSignal signal,
    RuleCompiler compiler,
    RuleMetrics metrics,
    TimeProvider time,
    IOptions<RulesOptions> rulesOptions,
    ILogger<RulePoller> logger) : BackgroundService
{
    /// <summary>Retry pace while no snapshot has ever loaded.</summary>
    public static readonly TimeSpan NoRulesRetryInterval = TimeSpan.FromSeconds(5);

    /// <summary>Bound on the read at start: Lambda allows 10 s for the whole init phase.</summary>
    public static readonly TimeSpan StartReadTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Bound on a later read, so a hung store cannot stall the loop (SDK retries included).</summary>
    public static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(20);

    private DateTimeOffset _lastAttempt;

    // An outage of the source, logged once when it starts and once when it ends, not on every poll.
    private DateTimeOffset? _failingSince;
    private int _failedReads;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var error = await ReloadAsync(StartReadTimeout, cancellationToken);
        if (error is not null && rulesOptions.Value.Source == RuleSourceKind.File)
        {
            throw new InvalidOperationException($"Router:Rules could not be loaded at start: {error}");
        }

        if (error is not null)
        {
            RouterLog.StartingWithoutRules(logger, source.Description, error, NoRulesRetryInterval.TotalSeconds);
        }

        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A file write triggers a reload at once; the poll below still catches anything a watcher misses.
        using var watch = ChangeToken.OnChange(source.Watch, signal.Request);
        while (!stoppingToken.IsCancellationRequested)
        {
            var interval = store.Current is null
                ? TimeSpan.FromTicks(Math.Min(NoRulesRetryInterval.Ticks, rulesOptions.Value.PollInterval.Ticks))
                : rulesOptions.Value.PollInterval;

            // Due time counts from the last attempt, so a clock that moved while we were busy is not lost.
            try
            {
                await signal.WaitAsync(_lastAttempt + interval, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            await ReloadAsync(ReadTimeout, stoppingToken);
        }
    }

    /// <summary>Reads the source once; returns the failure reason, or null on success. Never throws but for shutdown:
    /// an unexpected error in one read must not stop the loop (a faulted BackgroundService stops the whole host).</summary>
    private async Task<string?> ReloadAsync(TimeSpan limit, CancellationToken stoppingToken)
    {
        _lastAttempt = time.GetUtcNow();
        using var timeout = new CancellationTokenSource(limit, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, timeout.Token);
        try
        {
            var snapshot = await source.LoadAsync(linked.Token);
            if (_failingSince is { } since)
            {
                RouterLog.RulesReadRecovered(logger, source.Description, _failedReads, Math.Round((time.GetUtcNow() - since).TotalSeconds, 1));
                (_failingSince, _failedReads) = (null, 0);
            }

            if (store.Current?.Fingerprint == snapshot.Fingerprint)
            {
                store.Succeeded(null, time.GetUtcNow());
                return null;
            }

            var table = compiler.Compile(snapshot);
            foreach (var skipped in table.Skipped)
            {
                RouterLog.RuleSkipped(logger, skipped.Name, skipped.Reason);
            }

            store.Succeeded(table, time.GetUtcNow());
            RouterLog.RulesLoaded(logger, table.Rules.Count, table.Skipped.Count, source.Description);
            return null;
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            var expected = ex is RuleSourceException or OperationCanceledException;
            var reason = ex switch
            {
                RuleSourceException => ex.Message,
                OperationCanceledException => $"reading {source.Description} took longer than {limit:c}",
                _ => $"reading {source.Description} failed unexpectedly: {ex.GetType().Name}",
            };
            metrics.ReadFailed(); // before the store shows the failure: what sees one sees the other
            store.Failed(reason, time.GetUtcNow());
            _failedReads++;
            if (_failingSince is not null)
            {
                RouterLog.RulesReadStillFailing(logger, source.Description, _failedReads, reason);
            }
            else if (store.Current is { } table)
            {
                // Only an unexpected failure (a bug) is worth its stack trace, and only once.
                RouterLog.RulesReadFailed(logger, expected ? null : ex, source.Description, reason, table.Rules.Count, store.Status.LastSuccessAt ?? default, rulesOptions.Value.PollInterval.TotalSeconds);
            }

            // The first read at start is reported by StartAsync, worded as a start without rules.
            _failingSince ??= time.GetUtcNow();
            return reason;
        }
    }
}
