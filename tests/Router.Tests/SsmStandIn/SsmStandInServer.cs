using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using MultiModel.Router.Tests.Support;

namespace MultiModel.Router.Tests.SsmStandIn;

/// <summary>
/// SSM Parameter Store over its real wire protocol (JSON 1.1 on POST /, X-Amz-Target), on 127.0.0.1, so the real
/// AmazonSimpleSystemsManagementClient talks to it: GetParametersByPath (paging, recursion), GetParameter,
/// PutParameter (versions, Overwrite), DeleteParameter, and AWS-shaped errors.
/// </summary>
public sealed class SsmStandInServer : IAsyncDisposable
{
    public const int MaxPageSize = 10;
    private WebApplication _app = null!;
    private readonly Dictionary<string, List<StoredParameter>> _parameters = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly System.Threading.Channels.Channel<string> _arrivals = System.Threading.Channels.Channel.CreateUnbounded<string>();

    public Uri ServiceUrl { get; private set; } = null!;

    /// <summary>Every call's X-Amz-Target operation, with "+token" when it carried a NextToken.</summary>
    public ConcurrentQueue<string> Calls { get; } = new();

    /// <summary>When set, every call fails with this HTTP status and an InternalServerError body.</summary>
    public int? FailWithStatus { get; set; }

    /// <summary>When set, every call waits for this task (or the caller to give up) before answering.</summary>
    public Task? HoldUntil { get; set; }

    /// <summary>Waits for the next call to arrive (10 s at most), e.g. to advance a clock only once a read is in flight.</summary>
    public async Task NextCallAsync() => await _arrivals.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

    public static async Task<SsmStandInServer> StartAsync()
    {
        var server = new SsmStandInServer();
        (server._app, var url) = await LoopbackApp.StartAsync(app => app.MapPost("/", server.HandleAsync));
        server.ServiceUrl = new Uri(url);
        return server;
    }

    /// <summary>Test setup without going through the SDK; same semantics as PutParameter with Overwrite.</summary>
    public long Put(string name, string value, string type = "String")
    {
        lock (_gate)
        {
            var versions = _parameters.TryGetValue(name, out var existing) ? existing : _parameters[name] = [];
            var version = versions.Count + 1L;
            versions.Add(new StoredParameter(name, value, type, version, DateTimeOffset.UtcNow));
            return version;
        }
    }

    /// <summary>Test setup without going through the SDK; same semantics as DeleteParameter.</summary>
    public bool Delete(string name)
    {
        lock (_gate)
        {
            return _parameters.Remove(name);
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var operation = context.Request.Headers["X-Amz-Target"].ToString().Replace("AmazonSSM.", "", StringComparison.Ordinal);
        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        var request = body.RootElement;
        Calls.Enqueue(request.TryGetProperty("NextToken", out _) ? operation + "+token" : operation);
        _arrivals.Writer.TryWrite(operation);
        if (HoldUntil is { } hold)
        {
            await hold.WaitAsync(context.RequestAborted);
        }
        if (FailWithStatus is { } status)
        {
            await Error(context, status, "InternalServerError", "stand-in told to fail");
            return;
        }

        await (operation switch
        {
            "GetParametersByPath" => GetParametersByPath(context, request),
            "GetParameter" => GetParameter(context, request),
            "PutParameter" => PutParameter(context, request),
            "DeleteParameter" => DeleteParameter(context, request),
            _ => Error(context, 400, "UnknownOperationException", $"operation '{operation}' is not implemented by the stand-in"),
        });
    }

    private Task GetParametersByPath(HttpContext context, JsonElement request)
    {
        var path = request.GetProperty("Path").GetString()!;
        var recursive = request.TryGetProperty("Recursive", out var r) && r.GetBoolean();
        var maxResults = request.TryGetProperty("MaxResults", out var m) ? m.GetInt32() : MaxPageSize;
        if (!path.StartsWith('/') || maxResults is < 1 or > MaxPageSize)
        {
            return Error(context, 400, "ValidationException", "Path must start with '/' and MaxResults must be 1-10");
        }

        var start = request.TryGetProperty("NextToken", out var t) ? int.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(t.GetString()!)), System.Globalization.CultureInfo.InvariantCulture) : 0;
        var prefix = path.TrimEnd('/') + "/";
        List<StoredParameter> matching;
        lock (_gate)
        {
            matching = _parameters.Values.Select(v => v[^1])
                .Where(p => p.Name.StartsWith(prefix, StringComparison.Ordinal) && (recursive || !p.Name[prefix.Length..].Contains('/')))
                .OrderBy(p => p.Name, StringComparer.Ordinal)
                .ToList();
        }

        var page = matching.Skip(start).Take(maxResults).Select(p => p.ToWire()).ToList();
        var response = new Dictionary<string, object> { ["Parameters"] = page }; // Always present: SDK v4 leaves it null otherwise.
        if (start + maxResults < matching.Count)
        {
            response["NextToken"] = Convert.ToBase64String(Encoding.UTF8.GetBytes((start + maxResults).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return Json(context, response);
    }

    private Task GetParameter(HttpContext context, JsonElement request)
    {
        var name = request.GetProperty("Name").GetString()!;
        lock (_gate)
        {
            if (!_parameters.TryGetValue(name, out var versions))
            {
                return Error(context, 400, "ParameterNotFound", $"Parameter {name} not found.");
            }

            return Json(context, new Dictionary<string, object> { ["Parameter"] = versions[^1].ToWire() });
        }
    }

    private Task PutParameter(HttpContext context, JsonElement request)
    {
        var name = request.GetProperty("Name").GetString()!;
        var overwrite = request.TryGetProperty("Overwrite", out var o) && o.GetBoolean();
        lock (_gate)
        {
            if (_parameters.ContainsKey(name) && !overwrite)
            {
                return Error(context, 400, "ParameterAlreadyExists", "The parameter already exists. To overwrite this value, set the overwrite option in the request to true.");
            }
        }

        var type = request.TryGetProperty("Type", out var ty) ? ty.GetString()! : "String";
        var version = Put(name, request.GetProperty("Value").GetString()!, type);
        return Json(context, new Dictionary<string, object> { ["Version"] = version, ["Tier"] = "Standard" });
    }

    private Task DeleteParameter(HttpContext context, JsonElement request)
    {
        var name = request.GetProperty("Name").GetString()!;
        lock (_gate)
        {
            if (!_parameters.Remove(name))
            {
                return Error(context, 400, "ParameterNotFound", $"Parameter {name} not found.");
            }
        }

        return Json(context, new Dictionary<string, object>());
    }

    private static Task Json(HttpContext context, object body)
    {
        context.Response.ContentType = "application/x-amz-json-1.1";
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }

    private static Task Error(HttpContext context, int status, string type, string message)
    {
        context.Response.StatusCode = status;
        return Json(context, new Dictionary<string, object> { ["__type"] = type, ["message"] = message });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
