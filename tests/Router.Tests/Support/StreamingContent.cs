using System.Net;
using System.Text;

namespace MultiModel.Router.Tests.Support;

/// <summary>A request body sent without Content-Length (chunked), as a streaming client would.</summary>
public sealed class StreamingContent(string text) : HttpContent
{
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(Encoding.UTF8.GetBytes(text)).AsTask();

    protected override bool TryComputeLength(out long length)
    {
        length = -1;
        return false;
    }
}
