using System.Globalization;

namespace MultiModel.ModelHost.Caching;

/// <summary>Byte counts as people read them in messages: exact, with a rounded size beside.</summary>
internal static class ReadableBytes
{
    private const double Megabyte = 1024 * 1024;

    public static string Describe(long bytes) =>
        string.Create(CultureInfo.InvariantCulture, $"{bytes:N0} bytes ({bytes / Megabyte:0.#} MB)");
}
