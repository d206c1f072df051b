namespace MultiModel.ModelHost.Models;

/// <summary>The request does not fit the model's signature; the message says what was wrong and what was expected (400).</summary>
public sealed class InvalidInputException(string message) : Exception(message);
