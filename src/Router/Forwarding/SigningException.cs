namespace MultiModel.Router.Forwarding;

/// <summary>An IAM target's request could not be signed (no credentials, no region). The message is safe to show.</summary>
public sealed class SigningException(string message, Exception? innerException = null) : Exception(message, innerException);
