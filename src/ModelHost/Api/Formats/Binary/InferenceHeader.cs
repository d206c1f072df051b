using System.Globalization;
using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Api.Formats.Binary;

/// <summary>
/// Triton's <c>Inference-Header-Content-Length</c>: the length in bytes of the JSON that starts a body (request or
/// response) when raw tensor bytes follow it.
/// </summary>
internal static class InferenceHeader
{
    public const string Name = "Inference-Header-Content-Length";

    /// <summary>The JSON's length from the request's header, checked against the body's length.</summary>
    public static int ReadLength(string? value, int bodyLength)
    {
        if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var length))
        {
            throw new InvalidInputException(
                $"The {Name} header is '{value}'; expected the length in bytes of the JSON header that starts the body, a positive integer.");
        }

        if (length == 0)
        {
            throw new InvalidInputException(
                $"The {Name} header is 0, Triton's raw binary request without a JSON header, which this server does not accept; " +
                "send the JSON request first and its length in this header.");
        }

        return length <= bodyLength ? (int)length
            : throw new InvalidInputException($"The {Name} header says the JSON header is {length} bytes, but the whole body is {bodyLength} bytes.");
    }
}
