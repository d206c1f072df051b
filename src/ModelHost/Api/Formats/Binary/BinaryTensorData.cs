using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Api.Formats.Binary;

/// <summary>
/// The raw tensor bytes that follow the JSON header of a request in Triton's binary tensor data extension, handed to
/// the inputs that declare a <c>binary_data_size</c> in the order they appear, every byte to exactly one of them.
/// </summary>
internal sealed class BinaryTensorData(ReadOnlyMemory<byte> bytes)
{
    private ReadOnlyMemory<byte> _remaining = bytes;

    /// <summary>The next <paramref name="size"/> bytes, for input <paramref name="inputName"/>.</summary>
    public ReadOnlySpan<byte> Take(long size, string inputName)
    {
        if (size > _remaining.Length)
        {
            throw new InvalidInputException(
                $"Input '{inputName}' has binary_data_size {size}, but only {_remaining.Length} bytes of binary data are left after the JSON " +
                $"header and the inputs before it; the binary data must hold each binary input's bytes in the order of \"inputs\".");
        }

        var taken = _remaining.Span[..(int)size];
        _remaining = _remaining[(int)size..];
        return taken;
    }

    /// <summary>Throws when bytes are left after every binary input took its own: the sizes and the body disagree.</summary>
    public void ThrowIfLeftover()
    {
        if (!_remaining.IsEmpty)
        {
            throw new InvalidInputException(
                $"The body has {_remaining.Length} bytes of binary data beyond the binary_data_size of its inputs; " +
                "the binary data after the JSON header must be exactly the inputs' bytes.");
        }
    }
}
