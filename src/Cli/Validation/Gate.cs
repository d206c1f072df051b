namespace MultiModel.Cli.Validation;

/// <summary>
/// One check a model must pass, with what was measured and the limit, so a refusal says by how much it missed.
/// </summary>
/// <param name="Name">load, interface, run, budget, memory, latency, samples or top1 (docs/rollout.md).</param>
/// <param name="Detail">What was found, as a person reads it, e.g. "2.31x live (limit 1.5x): 0.92 ms vs 0.40 ms, 54% over".</param>
/// <param name="Value">The measured figure the limit applies to, when there is one.</param>
internal sealed record Gate(string Name, bool Passed, string Detail, double? Value = null, double? Limit = null);
