namespace MultiModel.ServiceDefaults.Emf;

/// <summary>
/// Where EMF documents go: the process's standard output stream itself (file descriptor 1), not <c>Console.Out</c>.
/// On Lambda, Amazon.Lambda.RuntimeSupport replaces <c>Console.Out</c> with a writer that prefixes every line with a
/// timestamp, the request id and a level (or, under <c>AWS_LAMBDA_LOG_FORMAT=JSON</c>, wraps it as the <c>message</c> of
/// a JSON object), and CloudWatch extracts metrics only from a log event that is the EMF object itself. Lines written
/// to the raw stream reach the log as written. Each document is one write of one whole line, so it cannot interleave.
/// </summary>
public sealed class EmfOutput(Stream stream) : IDisposable
{
    private readonly Lock _lock = new();

    public static EmfOutput StandardOutput() => new(Console.OpenStandardOutput());

    public void WriteLine(ReadOnlySpan<byte> line)
    {
        lock (_lock)
        {
            stream.Write(line);
            stream.Flush();
        }
    }

    public void Dispose() => stream.Dispose();
}
