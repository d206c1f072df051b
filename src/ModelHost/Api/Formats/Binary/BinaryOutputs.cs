namespace MultiModel.ModelHost.Api.Formats.Binary;

/// <summary>
/// Which outputs a request asked to get as raw bytes in Triton's binary tensor data extension: every output when the
/// request's <c>binary_data_output</c> is true, unless the output's own <c>binary_data</c> says otherwise.
/// </summary>
internal sealed record BinaryOutputs(bool All, IReadOnlyDictionary<string, bool> PerOutput)
{
    public bool IsBinary(string output) => PerOutput.TryGetValue(output, out var binary) ? binary : All;
}
