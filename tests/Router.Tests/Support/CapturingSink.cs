using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace MultiModel.Router.Tests.Support;

/// <summary>Collects the router's Serilog events (registered as a DI ILogEventSink, which the router reads).</summary>
public sealed class CapturingSink : ILogEventSink
{
    public ConcurrentQueue<LogEvent> Events { get; } = new();

    public void Emit(LogEvent logEvent) => Events.Enqueue(logEvent);

    public IEnumerable<LogEvent> Named(string eventName) => Events.Where(e =>
        e.Properties.TryGetValue("EventId", out var id) && id is StructureValue s
        && s.Properties.Any(p => p.Name == "Name" && p.Value is ScalarValue { Value: string n } && n == eventName));

    public static object? Scalar(LogEvent logEvent, string property) =>
        logEvent.Properties.TryGetValue(property, out var value) && value is ScalarValue scalar ? scalar.Value : null;
}
