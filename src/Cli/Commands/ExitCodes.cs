namespace MultiModel.Cli.Commands;

/// <summary>What every verb exits with, so that a pipeline can tell a refused model from a broken run.</summary>
internal static class ExitCodes
{
    /// <summary>Done, or every gate passed.</summary>
    public const int Success = 0;

    /// <summary>A gate failed; the output names it and by how much.</summary>
    public const int GateFailed = 1;

    /// <summary>A usage error, or a store or file that could not be read or written.</summary>
    public const int Error = 2;

    /// <summary>Stopped by Ctrl-C or SIGTERM (128 + SIGINT, as shells report it), after cleaning up.</summary>
    public const int Interrupted = 130;
}
