using PqlGrains.Grains.Hosting;
using PqlGrains.Grains.Leads;
using PqlGrains.Silo.Admin;
using PqlGrains.Silo.Api;
using PqlGrains.Silo.Demo;
using PqlGrains.Silo.Gateway;
using PqlGrains.Silo.Health;
using PqlGrains.Silo.Hosting;
using PqlGrains.Silo.Metrics;

// appsettings.json ships next to the binary; read it from there whatever the working directory.
var hostArgs = DemoSwitch.Extract(args, out var demo);
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = hostArgs, ContentRootPath = AppContext.BaseDirectory });
if (demo)
{
    builder.Configuration[$"{DemoOptions.SectionName}:{nameof(DemoOptions.Enabled)}"] = "true";
}

builder.AddPqlSilo(silo => silo.AddPqlLeads(builder.Configuration).AddPqlDefinitions());
builder.Services.AddPqlLeadsApi(builder.Configuration);
builder.Services.AddPqlDefinitionsApi();
builder.Services.AddPqlDemo(builder.Configuration);

var app = builder.Build();
app.MapPqlHealth();
app.MapPqlMetrics();
if (app.IsPqlGateway())
{
    app.MapSegmentGateway();
    app.MapPqlAdmin();
    app.MapPqlMemoryReport();
    app.MapPqlScoreReads();
    app.MapPqlPrivacy();
    app.MapLeadsApi();
    app.MapPqlDefinitions();
}

app.Run();
