namespace MultiModel.Router.Benchmarks;

/// <summary>One side's figures in one round: latencies (sequential), requests per second and CPU per request
/// (concurrent), in microseconds.</summary>
public sealed record SideResult(double[] Latency, double Rps, double Cpu, double Bytes)
{
    public double P50 { get; } = Stats.Percentile(Latency, 50);

    public double P99 { get; } = Stats.Percentile(Latency, 99);
}

/// <summary>One round: the same calls sent straight to the backend, through the Router, and through bare YARP.</summary>
public sealed record RoundResult(SideResult Direct, SideResult Router, SideResult Yarp)
{
    public double RouterAddedP50 => Router.P50 - Direct.P50;

    public double YarpAddedP50 => Yarp.P50 - Direct.P50;

    /// <summary>CPU microseconds the hop costs per request beyond the direct call: the proxy's own work.</summary>
    public double RouterAddedCpu => Router.Cpu - Direct.Cpu;

    public double YarpAddedCpu => Yarp.Cpu - Direct.Cpu;

    public double RouterAddedBytes => Router.Bytes - Direct.Bytes;

    public double YarpAddedBytes => Yarp.Bytes - Direct.Bytes;
}
