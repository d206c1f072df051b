namespace MultiModel.ModelHost.Hosting;

/// <summary>How the host is built, whatever directory it is started from.</summary>
public static class ModelHostDefaults
{
    /// <summary>
    /// The content root is the app's own directory (appsettings.json and the sample models live there; Lambda's working
    /// directory is not guaranteed), and configuration is not reloaded on change: the host reads its settings once at
    /// start, and a reload watcher on the content root wakes on every file written below it, costing CPU per request.
    /// </summary>
    public static WebApplicationOptions Options(string[] args) => new()
    {
        Args = [.. args, "--hostBuilder:reloadConfigOnChange=false"],
        ContentRootPath = AppContext.BaseDirectory,
    };
}
