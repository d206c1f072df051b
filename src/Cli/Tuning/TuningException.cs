namespace MultiModel.Cli.Tuning;

/// <summary>A tune that cannot go on, said in one message: what was wrong and what was expected (a size, a workload line, cgroups).</summary>
internal sealed class TuningException(string message, Exception? inner = null) : Exception(message, inner);
