using System.Buffers;

namespace MultiModel.ModelHost.Api.Formats.Json;

/// <summary>
/// Where each tensor element of a JSON body starts, in the order the first phase met them, so that the second phase
/// parses each straight into its tensor without tokenizing the body again. A number or a literal (true, false, null)
/// is stored as its offset; anything else (a string, an array or object where an element belongs) as the offset's
/// complement, a negative number, so the second phase gives it to a full JSON reader. Four bytes an element, in an
/// array rented from the shared pool and returned when the body is.
/// </summary>
internal sealed class ElementOffsets : IDisposable
{
    private int[] _offsets = ArrayPool<int>.Shared.Rent(256);

    public int Count { get; private set; }

    /// <summary>Memory rather than a span, so that a large tensor's parts can be parsed on several threads.</summary>
    public ReadOnlyMemory<int> Slice(int start, int length) => _offsets.AsMemory(start, length);

    public void AddPlain(long offset) => Add((int)offset);

    public void AddOther(long offset) => Add(~(int)offset);

    /// <summary>Forgets the offsets from <paramref name="count"/> on (a fast path that gave up part way).</summary>
    public void RemoveFrom(int count) => Count = Math.Min(Count, count);

    public void Dispose()
    {
        ArrayPool<int>.Shared.Return(_offsets);
        _offsets = [];
    }

    private void Add(int value)
    {
        if (Count == _offsets.Length)
        {
            var larger = ArrayPool<int>.Shared.Rent(2 * Count);
            _offsets.AsSpan(0, Count).CopyTo(larger);
            ArrayPool<int>.Shared.Return(_offsets);
            _offsets = larger;
        }

        _offsets[Count++] = value;
    }
}
