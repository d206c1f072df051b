using MultiModel.Router;
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
if (app.InvalidSettings() is { } invalid)
{
    Console.Error.WriteLine(invalid); // one line per setting out of range, not the host's stack trace and an abort
    return 1;
}

app.UseRouterPipeline();
app.Run();
return 0;

public partial class Program;
