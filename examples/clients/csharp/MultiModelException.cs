namespace MultiModel.Clients;

/// <summary>A refusal by the host or the gateway: its status and the ProblemDetails' detail, which says what to change.</summary>
public sealed class MultiModelException(int status, string detail) : Exception($"{status}: {detail}")
{
    public int Status { get; } = status;

    public string Detail { get; } = detail;
}
