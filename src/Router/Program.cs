using MultiModel.Router;

var builder = WebApplication.CreateBuilder(args);
builder.AddRouter();

var app = builder.Build();
app.MapRouterApi();
app.Run();

public partial class Program;
