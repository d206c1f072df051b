namespace MultiModel.ModelHost.Models;

/// <summary>
/// The input fits the model's signature but the model could not run on it (its layers need sizes the signature does not
/// say, as a detector that needs multiples of 32): 422, with the model's own message.
/// </summary>
public sealed class InputRejectedByModelException(string message) : Exception(message);
