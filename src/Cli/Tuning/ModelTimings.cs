namespace MultiModel.Cli.Tuning;

/// <summary>One model's requests at one size: its first (the cold load from the store) apart from the rest.</summary>
internal sealed class ModelTimings
{
    private readonly List<double> _warm = [];

    /// <summary>The first request's duration, the load included; null before it.</summary>
    public double? ColdMs { get; private set; }

    public IReadOnlyList<double> WarmMs => _warm;

    public int Errors { get; private set; }

    public int Requests => (ColdMs is null ? 0 : 1) + _warm.Count + Errors;

    public void Add(double milliseconds, bool succeeded)
    {
        if (!succeeded)
        {
            Errors++;
        }
        else if (ColdMs is null)
        {
            ColdMs = milliseconds;
        }
        else
        {
            _warm.Add(milliseconds);
        }
    }
}
