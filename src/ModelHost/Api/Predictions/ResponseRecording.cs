using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Http.Features;

namespace MultiModel.ModelHost.Api.Predictions;

/// <summary>
/// Keeps a copy of the response body as the format writes it, for the response cache: it stands in for the response's
/// body feature and hands every byte on at once, so the caller's answer is neither delayed nor changed. Up to a limit:
/// past it, or when anything is sent around the writer (a file), nothing is kept.
/// </summary>
internal sealed class ResponseRecording : IHttpResponseBodyFeature
{
    private readonly IHttpResponseBodyFeature _inner;
    private readonly CopyingWriter _writer;
    private Stream? _stream;

    private ResponseRecording(IHttpResponseBodyFeature inner, int maxBytes)
    {
        _inner = inner;
        _writer = new CopyingWriter(inner.Writer, maxBytes);
    }

    /// <summary>The recording of <paramref name="context"/>'s response body from here on.</summary>
    public static ResponseRecording Start(HttpContext context, int maxBytes)
    {
        var recording = new ResponseRecording(context.Features.GetRequiredFeature<IHttpResponseBodyFeature>(), maxBytes);
        context.Features.Set<IHttpResponseBodyFeature>(recording);
        return recording;
    }

    /// <summary>The body written so far; the whole body only when <see cref="Complete"/>.</summary>
    public ReadOnlySpan<byte> Body => _writer.Copy.WrittenSpan;

    /// <summary>Whether every byte of the body went through the writer and was kept.</summary>
    public bool Complete => !_writer.Overflowed;

    public Stream Stream => _stream ??= _writer.AsStream(leaveOpen: true);

    public PipeWriter Writer => _writer;

    public void DisableBuffering() => _inner.DisableBuffering();

    public Task StartAsync(CancellationToken cancellationToken = default) => _inner.StartAsync(cancellationToken);

    public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default)
    {
        _writer.Overflowed = true;
        return _inner.SendFileAsync(path, offset, count, cancellationToken);
    }

    public Task CompleteAsync() => _inner.CompleteAsync();

    /// <summary>The response's writer, with what each Advance commits copied aside first.</summary>
    private sealed class CopyingWriter(PipeWriter inner, int maxBytes) : PipeWriter
    {
        private Memory<byte> _lastHandedOut;

        public ArrayBufferWriter<byte> Copy { get; } = new();

        public bool Overflowed { get; set; }

        public override Memory<byte> GetMemory(int sizeHint = 0) => _lastHandedOut = inner.GetMemory(sizeHint);

        public override Span<byte> GetSpan(int sizeHint = 0) => (_lastHandedOut = inner.GetMemory(sizeHint)).Span;

        public override void Advance(int bytes)
        {
            if (!Overflowed && Copy.WrittenCount + bytes <= maxBytes)
            {
                Copy.Write(_lastHandedOut.Span[..bytes]);
            }
            else
            {
                Overflowed = true;
            }

            inner.Advance(bytes);
        }

        public override void CancelPendingFlush() => inner.CancelPendingFlush();

        public override void Complete(Exception? exception = null) => inner.Complete(exception);

        public override ValueTask CompleteAsync(Exception? exception = null) => inner.CompleteAsync(exception);

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) => inner.FlushAsync(cancellationToken);

        public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;

        public override long UnflushedBytes => inner.UnflushedBytes;
    }
}
