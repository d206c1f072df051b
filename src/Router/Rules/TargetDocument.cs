namespace MultiModel.Router.Rules;

/// <summary>One entry of a rule's "targets" array.</summary>
public sealed class TargetDocument
{
    public string? Url { get; set; }

    public int? Weight { get; set; }

    /// <summary>A TimeSpan such as "00:00:10" (hh:mm:ss).</summary>
    public string? Timeout { get; set; }

    /// <summary>"none" (default) or "iam".</summary>
    public string? Auth { get; set; }

    public string? Region { get; set; }
}
