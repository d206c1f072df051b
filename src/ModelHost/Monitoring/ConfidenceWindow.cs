namespace MultiModel.ModelHost.Monitoring;

/// <summary>
/// The bins of the last <see cref="Size"/> top scores: a ring of one byte per score and a count per bin, so memory is
/// fixed whatever the traffic. Recording takes no lock (a few interlocked operations); a reader may see one score
/// counted a moment before or after its ring slot changed, which no drift figure notices.
/// </summary>
internal sealed class ConfidenceWindow
{
    private readonly byte[] _ring;
    private readonly int[] _counts = new int[ConfidenceBins.Count];
    private long _recorded;

    public ConfidenceWindow(int size)
    {
        _ring = new byte[size];
        Array.Fill(_ring, ConfidenceBins.None);
    }

    public int Size => _ring.Length;

    /// <summary>Scores in the window now: all recorded so far until it is full, then its size.</summary>
    public int Samples => (int)Math.Min(Interlocked.Read(ref _recorded), _ring.Length);

    public void Add(int bin)
    {
        var slot = (int)((Interlocked.Increment(ref _recorded) - 1) % _ring.Length);
        var replaced = Interlocked.Exchange(ref _ring[slot], (byte)bin);
        if (replaced != ConfidenceBins.None)
        {
            Interlocked.Decrement(ref _counts[replaced]);
        }

        Interlocked.Increment(ref _counts[bin]);
    }

    public void CopyCounts(Span<double> counts)
    {
        for (var bin = 0; bin < _counts.Length; bin++)
        {
            counts[bin] = Math.Max(Volatile.Read(ref _counts[bin]), 0);
        }
    }
}
