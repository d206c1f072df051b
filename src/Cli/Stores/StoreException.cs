namespace MultiModel.Cli.Stores;

/// <summary>The store could not be read or written (unreachable, refused, no such bucket); the message says which and where.</summary>
internal sealed class StoreException(string message, Exception? inner = null) : Exception(message, inner);
