using System.Globalization;

namespace MultiModel.ModelHost.Caching;

/// <summary>
/// The process's real memory, beside the cache's books: what is resident, what native code has allocated, and handing
/// freed native memory back to the system.
/// <para>
/// With glibc's defaults, memory that ONNX Runtime frees when a session is disposed stays in the allocator's heaps:
/// each large block freed raises both the size at which blocks get mappings of their own and the free space a heap
/// keeps at its top before giving it back (to 32 MB and 64 MB), and freed blocks in the middle of a heap are only
/// returned by an explicit trim. Resident memory then only grows as models churn: three times the budget in a
/// measured case. Both thresholds are fixed at start, which ends the dynamic raise: every block of 128 KB or more
/// (weights, prepacked weights, a run's activations) gets its own mapping and is unmapped when freed, the heap's top
/// is returned past 128 KB, and a trim after each disposal returns what small blocks freed. Measured under churn,
/// resident memory then exceeds native allocations by 2-3 MB; with a 32 MB threshold (activations reused in the
/// heap) by 7-66 MB of fragments, which is why the smaller one wins despite costing large batches 5-10% in page
/// faults (docs/memory.md).
/// </para>
/// </summary>
public static class ProcessMemory
{
    private const int MmapThresholdBytes = 128 * 1024;
    private const int TrimThresholdBytes = 128 * 1024;
    private static readonly long PageSize = Environment.SystemPageSize;
    private static int _trimQueued;

    /// <summary>Whether native allocations can be counted exactly (glibc); elsewhere loads are measured by resident growth.</summary>
    public static bool CanCountNativeAllocations => Glibc.IsAvailable;

    /// <summary>
    /// Sets the allocator up to return freed memory; call before ONNX Runtime allocates anything. A no-op off glibc,
    /// and where MALLOC_MMAP_THRESHOLD_ or MALLOC_TRIM_THRESHOLD_ is set: glibc has then read the operator's own choice.
    /// </summary>
    public static void ReturnFreedMemoryToTheSystem()
    {
        if (Glibc.IsAvailable
            && Environment.GetEnvironmentVariable("MALLOC_MMAP_THRESHOLD_") is null
            && Environment.GetEnvironmentVariable("MALLOC_TRIM_THRESHOLD_") is null)
        {
            Glibc.Mallopt(Glibc.MmapThreshold, MmapThresholdBytes);
            Glibc.Mallopt(Glibc.TrimThreshold, TrimThresholdBytes);
        }
    }

    /// <summary>Resident set size of this process now.</summary>
    public static long ResidentBytes()
    {
        if (OperatingSystem.IsLinux())
        {
            // /proc/self/statm: "size resident shared ..." in pages; one small read, cheap enough for every load.
            var fields = File.ReadAllText("/proc/self/statm").Split(' ', 3);
            return long.Parse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture) * PageSize;
        }

        return Environment.WorkingSet;
    }

    /// <summary>
    /// Starts a new peak: the kernel's high-water mark of resident memory (VmHWM) is reset to what is resident now.
    /// False where that is not possible (not Linux, or /proc/self/clear_refs refused).
    /// </summary>
    public static bool ResetPeakResident()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The highest resident memory since start or since <see cref="ResetPeakResident"/> (Linux).</summary>
    public static long PeakResidentBytes() => File.ReadLines("/proc/self/status")
        .Where(line => line.StartsWith("VmHWM:", StringComparison.Ordinal))
        .Select(line => long.Parse(line.AsSpan(6).Trim()[..^3], NumberStyles.None, CultureInfo.InvariantCulture) * 1024)
        .Single();

    /// <summary>Bytes native code holds from malloc right now (heap blocks in use plus mapped blocks); null off glibc.</summary>
    public static long? NativeAllocatedBytes()
    {
        if (!Glibc.IsAvailable)
        {
            return null;
        }

        var info = Glibc.Mallinfo2();
        return checked((long)(info.AllocatedBytes + info.MappedBytes));
    }

    /// <summary>Returns free heap pages to the system now (a few ms at most); a no-op off glibc.</summary>
    public static void TrimNow()
    {
        if (Glibc.IsAvailable)
        {
            Glibc.MallocTrim(0);
        }
    }

    /// <summary>Trims on the thread pool, once for any number of calls that arrive while one is queued.</summary>
    public static void TrimSoon()
    {
        if (Glibc.IsAvailable && Interlocked.Exchange(ref _trimQueued, 1) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static _ =>
            {
                Volatile.Write(ref _trimQueued, 0);
                TrimNow();
            }, null);
        }
    }
}
