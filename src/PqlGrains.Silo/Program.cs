using PqlGrains.Silo.Admin;
using PqlGrains.Silo.Health;
using PqlGrains.Silo.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddPqlSilo();

var app = builder.Build();
app.MapPqlHealth();
if (app.IsPqlGateway())
{
    app.MapPqlAdmin();
}

app.Run();
