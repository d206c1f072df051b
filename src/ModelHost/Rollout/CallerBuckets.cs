using System.Buffers;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;

namespace MultiModel.ModelHost.Rollout;

/// <summary>
/// Places a caller on a fixed point of [0, 100) for a model, from a hash of its key: a candidate answers the callers
/// below its share. Raising the share only moves callers from stable to the candidate, never back, and a caller keeps
/// its version on every host and across restarts, as the Router's rendezvous hashing keeps its target. Without a key,
/// the point is drawn at random for each request.
/// </summary>
public static class CallerBuckets
{
    private const int StackLimit = 512;

    public static double PointOf(string modelId, string? callerKey, Random random)
    {
        if (string.IsNullOrEmpty(callerKey))
        {
            return random.NextDouble() * 100;
        }

        var length = Encoding.UTF8.GetByteCount(callerKey);
        byte[]? rented = length > StackLimit ? ArrayPool<byte>.Shared.Rent(length) : null;
        try
        {
            var bytes = rented is null ? stackalloc byte[length] : rented.AsSpan(0, length);
            Encoding.UTF8.GetBytes(callerKey, bytes);
            // Seeded by the model, so one caller is not the first to get every model's candidates.
            var hash = XxHash3.HashToUInt64(bytes, (long)XxHash3.HashToUInt64(MemoryMarshal.AsBytes(modelId.AsSpan())));
            return (hash >> 11) * (100.0 / (1UL << 53));
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
