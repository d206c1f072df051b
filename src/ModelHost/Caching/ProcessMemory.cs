using System.Globalization;

namespace MultiModel.ModelHost.Caching;

/// <summary>
/// The process's real memory, beside the cache's books: what is resident, what native code has allocated, and handing
/// freed native memory back to the system.
/// <para>
/// With glibc's defaults, memory that ONNX Runtime frees when a session is disposed stays in the allocator's heaps:
/// its mmap threshold rises to the size of the largest block freed, so the next model's weights come from the heap
/// and freed weights leave holes that are never returned. Resident memory then only grows as models churn, three
/// times the budget in a measured case. A fixed threshold maps every large block (weights, prepacked weights) on its
/// own, so disposing a session unmaps it at once; a trim after an eviction returns what small blocks freed.
/// </para>
/// </summary>
public static class ProcessMemory
{
    // glibc's own starting threshold; fixing it turns off the dynamic raise that causes the retention.
    private const int MmapThresholdBytes = 128 * 1024;
    private static readonly long PageSize = Environment.SystemPageSize;
    private static int _trimQueued;

    /// <summary>Whether native allocations can be counted exactly (glibc); elsewhere loads are measured by resident growth.</summary>
    public static bool CanCountNativeAllocations => Glibc.IsAvailable;

    /// <summary>Sets the allocator up to return freed memory; call before ONNX Runtime allocates anything. A no-op off glibc.</summary>
    public static void ReturnFreedMemoryToTheSystem()
    {
        if (Glibc.IsAvailable)
        {
            Glibc.Mallopt(Glibc.MmapThreshold, MmapThresholdBytes);
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
