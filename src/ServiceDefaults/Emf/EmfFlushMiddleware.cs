namespace MultiModel.ServiceDefaults.Emf;

/// <summary>
/// Writes the invocation's EMF documents when the request leaves the pipeline. The Lambda adapter
/// (Amazon.Lambda.AspNetCoreServer) runs the whole pipeline, then builds the response and hands it to the Runtime API:
/// code after <c>next</c> in the first middleware runs before that, so the lines are on stdout before the invocation
/// ends and the environment can be frozen. Every measurement of the request (its status included) is made inside.
/// </summary>
internal sealed class EmfFlushMiddleware(RequestDelegate next, EmfEmitter emitter)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        finally
        {
            emitter.Flush();
        }
    }
}
