using MultiModel.ModelHost.Api;
using MultiModel.ModelHost.Api.OpenInference;
using MultiModel.ModelHost.Api.Predictions;
using MultiModel.ModelHost.Hosting;
using MultiModel.ServiceDefaults;

var builder = WebApplication.CreateBuilder(ModelHostDefaults.Options(args));
try
{
    builder.AddServiceDefaults();
    builder.StartModelHostRuntime(); // the allocator set up, then ONNX Runtime started in the background, overlapping the rest
    builder.AddModelHost();
}
catch (InvalidSettingException exception)
{
    Console.Error.WriteLine(exception.Message); // one line naming the setting, not a stack trace and an abort
    builder.SettleRuntimeBeforeExit();
    return 1;
}

var app = builder.Build();
app.StartMetricsInBackground(); // OpenTelemetry's meter provider built on the thread pool, overlapping the rest of start-up
if (app.InvalidSettings() is { } invalid)
{
    Console.Error.WriteLine(invalid); // one line per setting out of range, not the host's stack trace and an abort
    builder.SettleRuntimeBeforeExit();
    return 1;
}

app.UseRequestIds();
app.UseLambdaResponseLimit(); // on Lambda only: a response over its 6 MB limit becomes a 413 that says so
app.UseExceptionHandler();
app.UseStatusCodePages(); // bodiless errors from the framework (unknown route, wrong method) become ProblemDetails too
app.MapOpenApi();
app.MapDefaultEndpoints(HealthApi.Responses);
app.MapPredictApi();
app.MapModelsApi();
app.MapAdminApi();
app.MapOpenInferenceApi();
app.MapTritonExtensionsApi();
app.Run();
return 0;

/// <summary>Entry point; public so tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
