using System.Globalization;

namespace MultiModel.Cli.Tuning;

/// <summary>
/// One Lambda memory size and the CPU Lambda gives with it: 1,769 MB is one vCPU, in proportion below and above.
/// What this machine can emulate is capped at its cores; <see cref="CpuCapped"/> says so, and the report shows it.
/// </summary>
internal sealed record FunctionSize(int MemoryMb, double Vcpus, double EmulatedVcpus)
{
    /// <summary>Lambda's figure: a function of 1,769 MB has the equivalent of one full vCPU.</summary>
    public const int MegabytesPerVcpu = 1769;

    /// <summary>Lambda's range of memory sizes, in MB.</summary>
    public const int Minimum = 128;
    public const int Maximum = 10240;

    public bool CpuCapped => EmulatedVcpus < Vcpus;

    public long LimitBytes => MemoryMb * 1024L * 1024;

    public static FunctionSize Of(int memoryMb, int machineCores)
    {
        if (memoryMb is < Minimum or > Maximum)
        {
            throw new ArgumentOutOfRangeException(nameof(memoryMb), memoryMb, $"Lambda memory sizes are {Minimum} to {Maximum} MB.");
        }

        var vcpus = (double)memoryMb / MegabytesPerVcpu;
        return new FunctionSize(memoryMb, vcpus, Math.Min(vcpus, machineCores));
    }

    /// <summary>Reads <c>512,1024,1769,3008</c>: each a whole number of MB in Lambda's range, no size twice.</summary>
    public static IReadOnlyList<FunctionSize> ParseList(string text, int machineCores)
    {
        var sizes = new List<FunctionSize>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var megabytes) || megabytes is < Minimum or > Maximum)
            {
                throw new TuningException($"--memory: '{part}' is not a Lambda memory size; expected whole megabytes from {Minimum} to {Maximum}, comma-separated, e.g. 512,1024,1769,3008.");
            }

            if (sizes.Any(size => size.MemoryMb == megabytes))
            {
                throw new TuningException($"--memory: {megabytes} MB is given twice; expected each size once.");
            }

            sizes.Add(Of(megabytes, machineCores));
        }

        return sizes.Count > 0 ? sizes.OrderBy(size => size.MemoryMb).ToArray()
            : throw new TuningException("--memory: no size given; expected whole megabytes, comma-separated, e.g. 512,1024,1769,3008.");
    }
}
