using MultiModel.TestSupport;

namespace MultiModel.Tests.Shared;

/// <summary>EMF documents read from an app's output, one invocation at a time.</summary>
public static class EmfLog
{
    /// <summary>The lines of the output that are EMF documents (each must be one, whole), checked against the specification.</summary>
    public static IReadOnlyList<EmfDocument> Documents(IEnumerable<string> output) =>
        output.Where(line => line.Contains("\"_aws\"", StringComparison.Ordinal)).Select(EmfSpecification.Parse).ToList();

    /// <summary>
    /// The documents of the next invocation after the first <paramref name="seen"/> ones: every flush ends with the
    /// process document (dimension set <c>[FunctionName]</c> alone), so the invocation's are those up to and including it.
    /// </summary>
    public static async Task<IReadOnlyList<EmfDocument>> NextInvocationAsync(Func<IEnumerable<string>> output, int seen)
    {
        IReadOnlyList<EmfDocument>? invocation = null;
        await Eventually.HoldsAsync(
            () => (invocation = Invocation(output(), seen)) is not null,
            $"No process document after the first {seen} EMF documents within 5 s.",
            TimeSpan.FromSeconds(5),
            TimeSpan.FromMilliseconds(50));
        return invocation!;
    }

    /// <summary>The documents after the first <paramref name="seen"/> up to and including the next process document; null until it is written.</summary>
    private static List<EmfDocument>? Invocation(IEnumerable<string> output, int seen)
    {
        var documents = Documents(output).Skip(seen).ToList();
        var end = documents.FindIndex(document => document.DimensionSets.Count == 1);
        return end >= 0 ? documents[..(end + 1)] : null;
    }
}
