using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Capture;

/// <summary>One captured prediction, already written as its JSON line (without the newline), waiting for its batch.</summary>
public sealed record CaptureRecord(ModelRef Model, DateTimeOffset Time, ReadOnlyMemory<byte> Line);
