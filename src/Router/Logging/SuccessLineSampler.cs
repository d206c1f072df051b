using Microsoft.Extensions.Options;

namespace MultiModel.Router.Logging;

/// <summary>
/// Decides whether a forwarded request's line is written (<see cref="RequestLogOptions"/>): every error and slow one,
/// one in N of the rest. Counting, not drawing at random, so N lines left out stand behind each one written and the
/// first success after start is always written.
/// </summary>
public sealed class SuccessLineSampler(IOptions<RequestLogOptions> options)
{
    private readonly int _every = options.Value.SuccessSampleEvery;
    private readonly TimeSpan _slow = options.Value.SlowUpstream;
    private long _successes = -1;

    public bool ShouldWrite(int statusCode, TimeSpan upstream) =>
        statusCode >= 400 || upstream >= _slow || _every == 1 || Interlocked.Increment(ref _successes) % _every == 0;
}
