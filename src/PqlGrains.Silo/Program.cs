using PqlGrains.Silo.Admin;
using PqlGrains.Silo.Api;
using PqlGrains.Silo.Gateway;
using PqlGrains.Silo.Health;
using PqlGrains.Silo.Hosting;

// appsettings.json ships next to the binary; read it from there whatever the working directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddPqlSilo();

var app = builder.Build();
app.MapPqlHealth();
if (app.IsPqlGateway())
{
    app.MapSegmentGateway();
    app.MapPqlAdmin();
    app.MapPqlMemoryReport();
    app.MapPqlScoreReads();
}

app.Run();
