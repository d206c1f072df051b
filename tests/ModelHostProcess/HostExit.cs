namespace MultiModel.ModelHostProcess;

/// <summary>How a host process that was expected to stop by itself ended: its exit code and all it wrote.</summary>
public sealed record HostExit(int ExitCode, string Output)
{
    public override string ToString() => $"exit {ExitCode}\n{Output}";
}
