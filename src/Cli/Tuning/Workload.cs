namespace MultiModel.Cli.Tuning;

/// <summary>
/// What a function is sized for: kinds of request with weights, and where they came from. The replay draws from them
/// with a seeded generator, so every size gets the same requests in the same order.
/// </summary>
internal sealed record Workload(string Source, IReadOnlyList<WorkloadRequest> Requests)
{
    public IReadOnlyList<string> ModelIds => Requests.Select(request => request.ModelId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

    /// <summary><paramref name="count"/> requests drawn by weight; the same sequence for the same seed.</summary>
    public IReadOnlyList<WorkloadRequest> Draw(int count, int seed)
    {
        var random = new Random(seed);
        var total = Requests.Sum(request => request.Weight);
        var drawn = new WorkloadRequest[count];
        for (var index = 0; index < count; index++)
        {
            var point = random.NextDouble() * total;
            var chosen = Requests[^1];
            foreach (var request in Requests)
            {
                point -= request.Weight;
                if (point < 0)
                {
                    chosen = request;
                    break;
                }
            }

            drawn[index] = chosen;
        }

        return drawn;
    }
}
