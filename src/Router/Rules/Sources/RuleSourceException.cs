namespace MultiModel.Router.Rules.Sources;

/// <summary>The store as a whole could not be read; the previous snapshot stays in force.</summary>
public sealed class RuleSourceException(string message, Exception? innerException = null) : Exception(message, innerException);
