using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using MultiModel.ModelHost.Caching;
using MultiModel.ModelHost.Models;
using MultiModel.ModelHost.Storage;

namespace MultiModel.ModelHost.Api.OpenInference;

/// <summary>
/// Triton's protocol extensions, served from what the host knows: model configuration (from the signature), the
/// repository index (the store's models, READY for the loaded versions) and load, and statistics (from
/// <see cref="ModelStatistics"/>). Unload is refused with a 400 that says why. Errors carry the protocol's "error".
/// </summary>
public static class TritonExtensionsApi
{
    private const int MaxRequestBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapTritonExtensionsApi(this IEndpointRouteBuilder app)
    {
        var v2 = app.MapGroup("/v2").WithTags("Open Inference Protocol: Triton extensions");
        foreach (var prefix in new[] { "/models/{name}", "/models/{name}/versions/{version}" })
        {
            v2.MapGet(prefix + "/config", (string name, string? version, ModelLookup lookup, CancellationToken cancellationToken) =>
                ConfigAsync(name, version, lookup, cancellationToken));
            v2.MapGet(prefix + "/stats", (string name, string? version, ModelStatistics statistics, VersionResolver versions, CancellationToken cancellationToken) =>
                TritonStatistics.OfModelAsync(name, version, statistics, versions, cancellationToken));
        }

        v2.MapGet("/models/stats", (ModelStatistics statistics, ModelCache cache) => TritonStatistics.All(statistics, cache));
        v2.MapPost("/repository/index", IndexAsync);
        v2.MapPost("/repository/models/{name}/load", LoadAsync);
        v2.MapPost("/repository/models/{name}/unload", (string name) => TypedResults.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: "Unload is not served",
            detail: $"Model '{ModelIds.Validate(name)}' cannot be unloaded on request: the cache evicts models itself, least recently used " +
                "first, when a load needs the room, and a model is loaded again on its next request."));
        return app;
    }

    private static async Task<Ok<TritonModelConfig>> ConfigAsync(string name, string? version, ModelLookup lookup, CancellationToken cancellationToken)
    {
        using var lease = await lookup.AcquireAsync(name, version, cancellationToken);
        return TypedResults.Ok(TritonModelConfigs.For(lease.Model));
    }

    // Every model the store has; the loaded versions READY, the others UNAVAILABLE with the reason: the version the
    // first request would load, or why none can (a folder such as latest/ is not a version, so a request would get 404).
    private static async Task<Ok<TritonIndexEntry[]>> IndexAsync(
        HttpRequest request, IModelStore store, ModelCache cache, VersionResolver versions, CancellationToken cancellationToken)
    {
        using var body = await ReadBodyAsync(request, cancellationToken);
        var readyOnly = body?.RootElement.TryGetProperty("ready", out var ready) == true
            && (ready.ValueKind is JsonValueKind.True or JsonValueKind.False ? ready.GetBoolean()
                : throw new InvalidInputException($"\"ready\" is {ready.ValueKind}; expected true or false."));
        var loaded = cache.Snapshot().Models.Select(model => model.Ref).ToLookup(model => model.Id, StringComparer.Ordinal);
        var ids = (await store.ListModelsAsync(cancellationToken)).Union(loaded.Select(group => group.Key), StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var entries = await Task.WhenAll(ids.Select(async id => loaded[id].Any()
            ? loaded[id].OrderBy(model => model.Version).Select(model =>
                new TritonIndexEntry(id, model.Version.ToString(CultureInfo.InvariantCulture), "READY", "")).ToArray()
            : readyOnly ? [] : [await UnloadedAsync(id, versions, cancellationToken)]));
        return TypedResults.Ok(entries.SelectMany(entry => entry).Where(entry => !readyOnly || entry.State == "READY").ToArray());
    }

    // Listed as requests list them (VersionResolver), so the index never calls loadable what a request answers 404.
    private static async Task<TritonIndexEntry> UnloadedAsync(string id, VersionResolver versions, CancellationToken cancellationToken)
    {
        try
        {
            var stored = await versions.ListAsync(id, cancellationToken);
            return new TritonIndexEntry(id, null, "UNAVAILABLE", stored.Count > 0
                ? string.Create(CultureInfo.InvariantCulture, $"not loaded; the first request for it loads version {stored[^1]}")
                : $"no version to load: a version is a folder named by a positive integer holding {ModelFiles.Model} ({id}/1/{ModelFiles.Model})");
        }
        catch (ModelStoreUnavailableException exception)
        {
            return new TritonIndexEntry(id, null, "UNAVAILABLE", $"its versions could not be listed: {exception.Message}");
        }
    }

    // Loading into the cache is what a request does anyway; a config or files sent with it cannot be honoured.
    private static async Task<Ok> LoadAsync(string name, HttpRequest request, ModelLookup lookup, CancellationToken cancellationToken)
    {
        using (var body = await ReadBodyAsync(request, cancellationToken))
        {
            if (body?.RootElement.TryGetProperty("parameters", out var parameters) == true && parameters.ValueKind == JsonValueKind.Object
                && parameters.EnumerateObject().Select(parameter => parameter.Name).ToArray() is { Length: > 0 } names)
            {
                throw new InvalidInputException(
                    $"Load parameters are not served ({string.Join(", ", names)}): the host loads the model's highest version as stored.");
            }
        }

        using var lease = await lookup.AcquireAsync(name, null, cancellationToken);
        return TypedResults.Ok();
    }

    /// <summary>The JSON body, or null when there is none (the Triton client sends these requests empty).</summary>
    private static async Task<JsonDocument?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        // Read no further than the limit: these bodies are a few bytes, and nothing is gained by taking in more.
        var buffer = new byte[MaxRequestBytes + 1];
        int length = 0, read;
        while (length < buffer.Length && (read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
        }

        if (length == 0)
        {
            return null;
        }

        if (length > MaxRequestBytes)
        {
            throw new InvalidInputException($"The body is over {MaxRequestBytes} bytes; this request takes a small JSON object or nothing.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(buffer.AsMemory(0, length));
        }
        catch (JsonException exception)
        {
            throw new InvalidInputException($"The body is not valid JSON: {exception.Message}");
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            var kind = document.RootElement.ValueKind;
            document.Dispose();
            throw new InvalidInputException($"The body is a JSON {kind}; expected an object.");
        }

        return document;
    }
}
