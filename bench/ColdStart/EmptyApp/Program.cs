// The floor for cold start: an ASP.NET Core minimal API that does nothing but answer, published the same way as
// the ModelHost. The ModelHost's time to its first prediction is compared against this app's time to "ok".
var app = WebApplication.CreateBuilder(args).Build();
app.MapPost("/ping", () => "ok");
app.Run();
