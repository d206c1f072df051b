namespace MultiModel.ModelHost.Hosting;

/// <summary>
/// Ready once start-up prewarming has finished, and ready from then on: loading a model later never makes the host
/// unready, because orchestrators restart hosts that report unready (Triton users hit exactly that).
/// </summary>
public sealed class Readiness
{
    private volatile bool _ready;

    public bool IsReady => _ready;

    public void MarkReady() => _ready = true;
}
