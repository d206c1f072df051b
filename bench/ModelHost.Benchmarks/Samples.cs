namespace MultiModel.ModelHost.Benchmarks;

/// <summary>Timings in microseconds, summarised the same way for every side of a comparison.</summary>
internal sealed class Samples
{
    private readonly List<double> _values = [];

    public void Add(double microseconds) => _values.Add(microseconds);

    public double Median => Percentile(0.5);
    public double P90 => Percentile(0.9);
    public double Mean => _values.Average();

    public double Percentile(double fraction)
    {
        var sorted = _values.Order().ToArray();
        return sorted[(int)Math.Clamp(Math.Round(fraction * (sorted.Length - 1)), 0, sorted.Length - 1)];
    }
}
