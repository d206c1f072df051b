namespace MultiModel.TestSupport;

/// <summary>
/// Waits for what happens in the background (an eviction callback, a revalidation, a poll, a log line, a server
/// starting) by asking the condition itself again until it holds, never by sleeping a fixed time and hoping: a fixed
/// sleep is too short on a loaded machine and wasted everywhere else.
/// </summary>
public static class Eventually
{
    /// <summary>Generous for a loaded 2-core CI machine: a condition that holds at all holds well within it.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Short, for conditions that are cheap to ask; a caller whose condition is a request or a file read asks less often.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(10);

    /// <summary>Whether <paramref name="condition"/> came to hold within the timeout, for a caller that asserts it with its own message.</summary>
    public static Task<bool> TrueAsync(Func<bool> condition, TimeSpan? timeout = null, TimeSpan? interval = null) =>
        TrueAsync(() => Task.FromResult(condition()), timeout, interval);

    /// <inheritdoc cref="TrueAsync(Func{bool}, TimeSpan?, TimeSpan?)"/>
    public static async Task<bool> TrueAsync(Func<Task<bool>> condition, TimeSpan? timeout = null, TimeSpan? interval = null)
    {
        var deadline = Environment.TickCount64 + (long)(timeout ?? DefaultTimeout).TotalMilliseconds;
        while (!await condition())
        {
            if (Environment.TickCount64 > deadline)
            {
                return false;
            }

            await Task.Delay(interval ?? DefaultInterval);
        }

        return true;
    }

    /// <summary>Waits until <paramref name="condition"/> holds; past the timeout, throws a <see cref="TimeoutException"/> with <paramref name="failure"/>.</summary>
    /// <param name="failure">What did not happen, said so that the failed test's output explains itself.</param>
    public static async Task HoldsAsync(Func<bool> condition, string failure, TimeSpan? timeout = null, TimeSpan? interval = null)
    {
        if (!await TrueAsync(condition, timeout, interval))
        {
            throw new TimeoutException(failure);
        }
    }
}
