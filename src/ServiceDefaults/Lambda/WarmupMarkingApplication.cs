#if LAMBDA_HOSTING
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;

namespace MultiModel.ServiceDefaults.Lambda;

/// <summary>
/// The app as the warm-up server sends its made-up requests into it: each request's features get
/// <see cref="WarmupRequestFeature"/>, and ASP.NET Core's own request metrics are turned off for it, so the warm-up
/// is not counted as traffic anywhere. Real events go to the app unwrapped.
/// </summary>
internal sealed class WarmupMarkingApplication<TContext>(IHttpApplication<TContext> application) : IHttpApplication<TContext>
    where TContext : notnull
{
    public TContext CreateContext(IFeatureCollection contextFeatures)
    {
        contextFeatures.Set(WarmupRequestFeature.Instance);
        var context = application.CreateContext(contextFeatures);
        if (contextFeatures.Get<IHttpMetricsTagsFeature>() is { } metrics)
        {
            metrics.MetricsDisabled = true; // set by the line above when http.server.request.duration is listened to
        }

        return context;
    }

    public Task ProcessRequestAsync(TContext context) => application.ProcessRequestAsync(context);

    public void DisposeContext(TContext context, Exception? exception) => application.DisposeContext(context, exception);
}
#endif
