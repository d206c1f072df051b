using MultiModel.Cli.Validation;

namespace MultiModel.Cli.Commands;

/// <summary>validate's flags as read: the limits, the function's memory size, and the golden samples (null: generate inputs).</summary>
internal sealed record GateSettings(ValidationLimits Limits, int? MemoryMegabytes, IReadOnlyList<InputSet>? Samples);
