using MultiModel.Router.TargetSelection;

namespace MultiModel.Router.Forwarding;

/// <summary>
/// Swaps YARP's one-shot streaming content for the buffered body when there is one, so a retry can resend it and
/// the signer can hash it. YARP forbids replacing content in a transform, so this happens below it, in the handler
/// chain; YARP's own content is then never started and it does not wait for it.
/// </summary>
public sealed class ReplayableContentHandler : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.GetRouteDecision()?.BufferedBody is { } body
            && request.Content is { } streaming
            && streaming is not ByteArrayContent)
        {
            var buffered = new ByteArrayContent(body);
            foreach (var header in streaming.Headers.NonValidated)
            {
                if (!header.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                {
                    buffered.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
            }

            request.Content = buffered;
        }

        return base.SendAsync(request, cancellationToken);
    }
}
