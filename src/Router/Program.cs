using MultiModel.Router;
using MultiModel.Router.Health;
using MultiModel.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
try
{
    builder.AddServiceDefaults();
}
catch (InvalidSettingException exception)
{
    Console.Error.WriteLine(exception.Message); // one line naming the setting, not a stack trace and an abort
    return 1;
}

builder.AddRouter();

var app = builder.Build();
app.StartMetricsInBackground(); // OpenTelemetry's meter provider built on the thread pool, overlapping the rest of start-up
app.UseRequestIds();
app.UseLambdaResponseLimit(); // on Lambda only: a response over its 6 MB limit becomes a 413 that says so
app.UseExceptionHandler();
app.UseStatusCodePages(); // bodiless errors from the framework (wrong method) become ProblemDetails too
app.MapDefaultEndpoints(new HealthResponses(HealthResponseWriter.WriteAsync));
app.MapOpenInferenceApi(); // /v2/health/*, GET /v2, POST /v2/repository/index
app.MapRouterApi();
app.Run();
return 0;

public partial class Program;
