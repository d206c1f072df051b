using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;
using Microsoft.Extensions.Options;
using MultiModel.Router.Rules;
using MultiModel.Router.TargetSelection;

namespace MultiModel.Router.Forwarding;

/// <summary>
/// Signs requests to IAM targets with SigV4 for service <c>lambda</c> (AWSSDK.Core's signer), on every attempt,
/// so a retry carries a fresh date. The payload hash needs the whole body, which is why IAM bodies are buffered.
/// </summary>
public sealed class IamSigningHandler(IServiceProvider services, IOptions<RouterOptions> options, TimeProvider time) : DelegatingHandler
{
    public const string Service = "lambda";

    // Not async for other targets: no state machine on the path of every unsigned request.
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        request.GetRouteDecision() is { Target.Auth: TargetAuth.Iam } decision
            ? SignAndSendAsync(request, decision, cancellationToken)
            : base.SendAsync(request, cancellationToken);

    private async Task<HttpResponseMessage> SignAndSendAsync(HttpRequestMessage request, RouteDecision decision, CancellationToken cancellationToken)
    {
        var region = SigningRegion.Resolve(decision.Target, options.Value.Region)
            ?? throw new SigningException("no AWS region: set the target's \"region\", Router:Region or AWS_REGION");
        AWSCredentials credentials;
        try
        {
            // Resolved per request, not at start: a local run with only "none" targets needs no AWS account.
            credentials = services.GetRequiredService<AWSCredentials>();
        }
        catch (Exception ex) when (ex is AmazonClientException or InvalidOperationException)
        {
            throw new SigningException("no AWS credentials in the SDK's default chain", ex);
        }

        var uri = request.RequestUri!;
        var signing = new AWSSigningRequest
        {
            HttpMethod = request.Method,
            RequestUri = uri,
            Content = decision.BufferedBody ?? [],
        };
        signing.Headers["host"] = uri.IsDefaultPort ? uri.Host : uri.Authority;
        if (request.Content?.Headers.ContentType is { } contentType)
        {
            signing.Headers["content-type"] = contentType.ToString();
        }

        var signed = await AWSSigV4Signer.SignAsync(signing, new AWSSigV4Parameters
        {
            Credentials = credentials,
            Region = RegionEndpoint.GetBySystemName(region),
            Service = Service,
            SignPayload = true,
            SignedAt = time.GetUtcNow().UtcDateTime,
        }, cancellationToken);

        foreach (var (name, value) in signed.Headers)
        {
            if (name.Equals("host", StringComparison.OrdinalIgnoreCase) || name.Equals("content-type", StringComparison.OrdinalIgnoreCase))
            {
                continue; // Already on the request, exactly as signed.
            }

            request.Headers.Remove(name);
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
