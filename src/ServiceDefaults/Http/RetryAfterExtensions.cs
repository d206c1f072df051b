using System.Globalization;

namespace MultiModel.ServiceDefaults.Http;

/// <summary>Writes Retry-After the one way both apps answer it, so a client reads the same header from either.</summary>
public static class RetryAfterExtensions
{
    /// <summary>
    /// Sets Retry-After to <paramref name="after"/> in whole seconds, rounded up and at least 1: the delta-seconds form
    /// has no fractions, and "0" would invite a client to retry at once, before what it waits for can have changed.
    /// </summary>
    public static void SetRetryAfter(this HttpResponse response, TimeSpan after) =>
        response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}
