using MultiModel.ModelHost.Api;
using MultiModel.ModelHost.Hosting;

var builder = WebApplication.CreateBuilder(ModelHostDefaults.Options(args));
builder.AddModelHost();

var app = builder.Build();
app.UseMiddleware<RequestIdMiddleware>();
app.UseExceptionHandler();
app.UseStatusCodePages(); // bodiless errors from the framework (unknown route, wrong method) become ProblemDetails too
app.MapOpenApi();
app.MapHealthApi();
app.MapPredictApi();
app.MapModelsApi();
app.MapAdminApi();
app.MapOpenInferenceApi();
app.Run();

/// <summary>Entry point; public so tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
