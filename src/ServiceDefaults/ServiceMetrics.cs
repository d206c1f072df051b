namespace MultiModel.ServiceDefaults;

/// <summary>
/// Where both apps' meters and their exporter are registered, so metrics are wired once for the two and every
/// app calls it through <see cref="ServiceDefaultsExtensions.AddServiceDefaults"/>. An endpoint the exporter needs
/// (a scrape path) belongs in <see cref="ServiceDefaultsExtensions.MapDefaultEndpoints"/>. Nothing is registered yet:
/// ASP.NET Core's own meters exist without it.
/// </summary>
public static class ServiceMetrics
{
    public static TBuilder AddServiceMetrics<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder => builder;
}
