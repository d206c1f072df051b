using System.Runtime.InteropServices;

namespace MultiModel.ModelHost.Caching;

/// <summary>The few glibc allocator calls the cache uses to keep resident memory near its books (Linux with glibc only).</summary>
internal static partial class Glibc
{
    private const string Library = "libc";

    /// <summary>mallopt parameter: free space at a heap's top beyond this many bytes is returned to the system.</summary>
    public const int TrimThreshold = -1;

    /// <summary>mallopt parameter: allocations at or above this many bytes get their own mapping, unmapped on free.</summary>
    public const int MmapThreshold = -3;

    /// <summary>Whether the process runs on glibc (not musl, macOS or Windows), so the calls below exist.</summary>
    public static bool IsAvailable { get; } = Probe();

    [LibraryImport(Library, EntryPoint = "mallopt")]
    public static partial int Mallopt(int parameter, int value);

    [LibraryImport(Library, EntryPoint = "malloc_trim")]
    public static partial int MallocTrim(nuint pad);

    [LibraryImport(Library, EntryPoint = "mallinfo2")]
    public static partial MallInfo2 Mallinfo2();

    [LibraryImport(Library, EntryPoint = "gnu_get_libc_version")]
    private static partial nint GnuGetLibcVersion();

    private static bool Probe()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            // mallinfo2 arrived in glibc 2.33; asking for it is the version check.
            _ = GnuGetLibcVersion();
            _ = Mallinfo2();
            return true;
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    /// <summary>glibc's <c>struct mallinfo2</c>: every field a size_t.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public readonly struct MallInfo2
    {
        public readonly nuint Arena;
        public readonly nuint OrdinaryBlocks;
        public readonly nuint SmallBlocks;
        public readonly nuint MappedBlocks;
        public readonly nuint MappedBytes;
        public readonly nuint UnusedMaxTotal;
        public readonly nuint FreedFastBytes;
        public readonly nuint AllocatedBytes;
        public readonly nuint FreeBytes;
        public readonly nuint TopReleasableBytes;
    }
}
