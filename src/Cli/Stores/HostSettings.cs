namespace MultiModel.Cli.Stores;

/// <summary>
/// The host's settings as its environment variables give them: <c>ModelHost__Store__S3__Bucket</c> is
/// <c>ModelHost:Store:S3:Bucket</c>, exactly as ASP.NET Core's environment variable provider reads them for the host, so
/// the tool and a host started with the same environment see one store with one configuration.
/// </summary>
internal static class HostSettings
{
    public static IConfiguration From(IReadOnlyDictionary<string, string?> variables) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(variables.Select(variable => new KeyValuePair<string, string?>(
                variable.Key.Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal), variable.Value)))
            .Build();
}
