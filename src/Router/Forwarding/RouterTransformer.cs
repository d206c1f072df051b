using MultiModel.Router.Rules;
using MultiModel.Router.TargetSelection;
using MultiModel.ServiceDefaults;
using Yarp.ReverseProxy.Forwarder;

namespace MultiModel.Router.Forwarding;

/// <summary>YARP's default header copy, plus the request id, plus what an IAM target must not see from the caller.</summary>
public sealed class RouterTransformer : HttpTransformer
{
    public override async ValueTask TransformRequestAsync(HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken cancellationToken)
    {
        await base.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken);
        var decision = httpContext.GetRouteDecision();

        // The base copies every header, Host included; the target must see its own host (and SigV4 signs that one).
        proxyRequest.Headers.Host = null;

        proxyRequest.Headers.Remove(RequestIdMiddleware.HeaderName);
        proxyRequest.Headers.TryAddWithoutValidation(RequestIdMiddleware.HeaderName, decision.RequestId);

        if (decision.Target.Auth == TargetAuth.Iam)
        {
            // The router's signature replaces the caller's; stray x-amz-* headers would otherwise be signed or conflict.
            proxyRequest.Headers.Authorization = null;
            foreach (var name in proxyRequest.Headers.Select(h => h.Key).Where(k => k.StartsWith("x-amz-", StringComparison.OrdinalIgnoreCase)).ToList())
            {
                proxyRequest.Headers.Remove(name);
            }
        }

        proxyRequest.SetRouteDecision(decision);
    }
}
