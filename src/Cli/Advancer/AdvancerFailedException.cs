#if LAMBDA_HOSTING
namespace MultiModel.Cli.Advancer;

/// <summary>
/// An event the advancer could not carry out, whole or for some model; the message is its result document, which
/// Lambda records as the invocation's error (errorMessage) and in the function's log.
/// </summary>
internal sealed class AdvancerFailedException(string resultJson) : Exception(resultJson);
#endif
