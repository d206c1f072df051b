namespace MultiModel.ModelHostProcess;

/// <summary>What clients saw while cycling models: answers by status (0: no answer at all) and outputs that were wrong.</summary>
public sealed record ChurnResult(int Requests, IReadOnlyDictionary<int, int> Statuses, int WrongOutputs, IReadOnlyList<string> Failures)
{
    public int Count(Func<int, bool> status) => Statuses.Where(pair => status(pair.Key)).Sum(pair => pair.Value);
}
