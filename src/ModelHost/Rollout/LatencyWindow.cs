namespace MultiModel.ModelHost.Rollout;

/// <summary>The last N values of something (latencies, in milliseconds), for a median over a sliding window. Not thread-safe.</summary>
internal sealed class LatencyWindow(int capacity)
{
    private readonly double[] _values = new double[capacity];
    private int _next;

    public int Count { get; private set; }

    public void Add(double value)
    {
        _values[_next] = value;
        _next = (_next + 1) % _values.Length;
        Count = Math.Min(Count + 1, _values.Length);
    }

    public double Median()
    {
        if (Count == 0)
        {
            return double.NaN;
        }

        Span<double> sorted = Count <= 1024 ? stackalloc double[Count] : new double[Count];
        _values.AsSpan(0, Count).CopyTo(sorted);
        sorted.Sort();
        return Count % 2 == 1 ? sorted[Count / 2] : (sorted[(Count / 2) - 1] + sorted[Count / 2]) / 2;
    }
}
