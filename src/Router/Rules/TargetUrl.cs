namespace MultiModel.Router.Rules;

/// <summary>What a target URL may be: the base a request path is appended to.</summary>
public static class TargetUrl
{
    /// <summary>Returns why <paramref name="value"/> is not a usable target URL, or null when it is.</summary>
    public static string? Validate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "is empty; expected an absolute http(s) URL such as https://abc.lambda-url.us-east-1.on.aws";
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return $"'{value}' is not an absolute http or https URL";
        }

        // Credentials in a URL would end up in logs and error bodies; a query would be clobbered by the caller's.
        if (uri.UserInfo.Length > 0)
        {
            return "must not contain user info (credentials); use auth \"iam\" or the backend's own auth";
        }

        if (uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            return $"'{value}' must not have a query or fragment; the caller's path and query are appended to it";
        }

        return null;
    }

    /// <summary>The prefix YARP appends the request path to: no trailing slash, so '/models/..' joins cleanly.</summary>
    public static string ToDestinationPrefix(Uri uri) => uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
}
