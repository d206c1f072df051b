namespace MultiModel.Cli.Tuning;

/// <summary>A host that did not become ready at its size (it exited, or was killed for its memory, or took too long): that size's result, not the tune's end.</summary>
internal sealed class SizedHostFailedException(string message, bool oomKilled) : Exception(message)
{
    public bool OomKilled => oomKilled;
}
