using System.Net;

namespace MultiModel.Router.Forwarding;

/// <summary>Reads an upstream's Retry-After (delta seconds or an HTTP date) on the statuses where it means "come back".</summary>
public static class RetryAfter
{
    public static TimeSpan? Get(HttpResponseMessage? response, DateTimeOffset now)
    {
        if (response is not { StatusCode: HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable })
        {
            return null;
        }

        var header = response.Headers.RetryAfter;
        var delay = header?.Delta ?? (header?.Date is { } date ? date - now : null);
        return delay is { } d ? (d < TimeSpan.Zero ? TimeSpan.Zero : d) : null;
    }
}
