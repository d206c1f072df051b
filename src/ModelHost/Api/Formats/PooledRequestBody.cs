using System.Buffers;

namespace MultiModel.ModelHost.Api.Formats;

/// <summary>
/// A whole request body in one array rented from the shared pool, for formats that need random access to it (the
/// binary extension's JSON header and the tensor bytes after it). Returned to the pool when disposed: nothing may
/// keep a reference to it, and the tensors made from it are copies.
/// </summary>
internal sealed class PooledRequestBody : IDisposable
{
    private byte[] _buffer;

    private PooledRequestBody(byte[] buffer, int length)
    {
        _buffer = buffer;
        Length = length;
    }

    public int Length { get; }

    public ReadOnlyMemory<byte> Memory => _buffer.AsMemory(0, Length);

    /// <summary>The same bytes, writable for the JSON reader's fast path, which puts back whatever it changes (<see cref="Json.NumberArrayScanner"/>).</summary>
    public Span<byte> WritableSpan => _buffer.AsSpan(0, Length);

    public static async Task<PooledRequestBody> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        // The endpoint has refused a Content-Length over the limit already; a body without one grows as it comes. One
        // byte more than the length, so that a full buffer means more is coming, not that the body ended exactly there.
        var largest = Math.Min(maxBytes + 1, Array.MaxLength);
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Clamp((request.ContentLength ?? 64 * 1024) + 1, 1, largest));
        var length = 0;
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
            {
                length += read;
                if (length > maxBytes)
                {
                    throw new BadHttpRequestException($"The body is over {maxBytes} bytes, the most accepted.", StatusCodes.Status413PayloadTooLarge);
                }

                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(largest, 2L * length));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }

            return new PooledRequestBody(buffer, length);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    /// <summary>A body already in memory (start-up warm-up, tests), copied into a pooled array like one read from a request.</summary>
    public static PooledRequestBody Copy(ReadOnlySpan<byte> bytes)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(1, bytes.Length));
        bytes.CopyTo(buffer);
        return new PooledRequestBody(buffer, bytes.Length);
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }
}
