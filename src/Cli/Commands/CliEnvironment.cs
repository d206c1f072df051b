using System.Collections;

namespace MultiModel.Cli.Commands;

/// <summary>
/// Everything a run takes from the world around it, decided once at the entry point: the streams, the environment
/// variables (the host's <c>ModelHost__*</c> settings), the clock, whether stdout is a terminal, who is running it, and
/// how to reach a host. Tests run the verbs in process with their own.
/// </summary>
/// <param name="HostHandler">Carries <c>status --host</c>'s requests; null for the network.</param>
internal sealed record CliEnvironment(
    TextWriter Out,
    TextWriter Error,
    IReadOnlyDictionary<string, string?> Variables,
    TimeProvider Time,
    bool OutIsTerminal,
    string User,
    HttpMessageHandler? HostHandler = null)
{
    public static CliEnvironment FromProcess() => new(
        Console.Out,
        Console.Error,
        Environment.GetEnvironmentVariables().Cast<DictionaryEntry>().ToDictionary(entry => (string)entry.Key, entry => (string?)entry.Value, StringComparer.Ordinal),
        TimeProvider.System,
        !Console.IsOutputRedirected,
        $"{Environment.UserName}@{Environment.MachineName}");

    public string? Variable(string name) => Variables.TryGetValue(name, out var value) ? value : null;
}
