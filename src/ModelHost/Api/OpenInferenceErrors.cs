using Microsoft.AspNetCore.Http;

namespace MultiModel.ModelHost.Api;

/// <summary>Open Inference Protocol clients read errors from an <c>"error"</c> field; ProblemDetails clients from <c>"detail"</c>. Both get theirs.</summary>
internal static class OpenInferenceErrors
{
    public static void AddErrorField(ProblemDetailsContext context)
    {
        if (context.HttpContext.Request.Path.StartsWithSegments("/v2"))
        {
            context.ProblemDetails.Extensions["error"] = context.ProblemDetails.Detail ?? context.ProblemDetails.Title;
        }
    }
}
