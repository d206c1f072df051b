using Microsoft.AspNetCore.Hosting;

namespace MultiModel.ServiceDefaults.Emf;

/// <summary>Puts <see cref="EmfFlushMiddleware"/> first in the pipeline, so it flushes after everything else has measured the request.</summary>
internal sealed class EmfStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseMiddleware<EmfFlushMiddleware>();
        next(app);
    };
}
