using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace MultiModel.ModelHost.Tests.Support;

/// <summary>
/// Collects the host's Serilog events (registered as a DI ILogEventSink, which the host reads); the events of one
/// name wait at a gate until it is opened, as a slow stdout would hold them.
/// </summary>
public sealed class GatedLogSink(string gatedEventName) : ILogEventSink
{
    private readonly ManualResetEventSlim _gate = new();

    public ConcurrentQueue<LogEvent> Events { get; } = new();

    public void Open() => _gate.Set();

    public void Emit(LogEvent logEvent)
    {
        if (NameOf(logEvent) == gatedEventName && !_gate.Wait(TimeSpan.FromSeconds(30)))
        {
            throw new TimeoutException("the gate was never opened");
        }

        Events.Enqueue(logEvent);
    }

    public IEnumerable<LogEvent> Named(string eventName) => Events.Where(logEvent => NameOf(logEvent) == eventName);

    private static string? NameOf(LogEvent logEvent) =>
        logEvent.Properties.TryGetValue("EventId", out var id) && id is StructureValue structure
            ? structure.Properties.FirstOrDefault(property => property.Name == "Name")?.Value is ScalarValue { Value: string name } ? name : null
            : null;
}
