using System.Net;
using IamEndpoint.Account;
using IamEndpoint.Hosting;
using IamEndpoint.Operations;
using IamEndpoint.Operations.Simulation;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

// A local IAM- and STS-compatible endpoint for tests, the demo and the benchmark. See README.md.

EndpointOptions options;
AccountHolder holder;
try
{
    options = EndpointOptions.Parse(args);
    holder = new AccountHolder(options.SeedPath, options.RandomSeed);
}
catch (UsageException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(EndpointOptions.Usage);
    return 2;
}
catch (SeedException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

// The empty builder reads no appsettings or environment, so nothing but this code decides what is printed.
WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
{
    kestrel.AddServerHeader = false;
    kestrel.Listen(IPAddress.Loopback, options.Port);
});
builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.Configure<ConsoleLifetimeOptions>(lifetime => lifetime.SuppressStatusMessages = true);

WebApplication app = builder.Build();
var log = new RequestLog();
var faults = new FaultInjector(options.ThrottleRate, options.FaultRate, options.RandomSeed);
var queries = new QueryPipeline(
    holder,
    OperationCatalog.Build(),
    log,
    faults,
    PolicySimulators.Create(),
    options.LatencyMs,
    app.Logger);
var endpoint = new EndpointApp(queries, holder, log, faults);
app.Run(endpoint.HandleAsync);

try
{
    await app.StartAsync();
}
catch (IOException e)
{
    Console.Error.WriteLine($"Cannot listen on 127.0.0.1:{options.Port}: {e.Message}");
    return 1;
}

string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
    .Addresses.First();
Console.Out.WriteLine($"Listening on http://127.0.0.1:{new Uri(address).Port}");
Console.Out.Flush();

await app.WaitForShutdownAsync();
return 0;
