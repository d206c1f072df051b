using System.Text.Json;

namespace MultiModel.Cli.Validation;

/// <summary>
/// One set of inputs run through the models: a line of the golden samples, or one generated from the signature.
/// </summary>
/// <param name="Name">How messages name it, e.g. "line 7" or "generated input 3".</param>
/// <param name="Request">A prediction request in the host's own JSON format, <c>{"inputs": {...}}</c>, which the host's reader turns into tensors.</param>
/// <param name="Expected">The outputs it should give, by output name; null when it says none.</param>
/// <param name="Tolerance">The largest absolute difference from <paramref name="Expected"/> that still counts as equal.</param>
internal sealed record InputSet(string Name, byte[] Request, IReadOnlyDictionary<string, JsonElement>? Expected, double Tolerance)
{
    public const double DefaultTolerance = 1e-4;
}
