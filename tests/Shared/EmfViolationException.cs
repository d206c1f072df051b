namespace MultiModel.Tests.Shared;

/// <summary>A log line that CloudWatch would not extract metrics from, and the rule it breaks.</summary>
public sealed class EmfViolationException(string rule, string line) : Exception($"Not an EMF document: {rule}. Line: {line}");
