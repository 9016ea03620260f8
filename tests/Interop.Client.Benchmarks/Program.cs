using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Grpc.Net.Client;
using Interop.Client;
using Interop.Client.Benchmarks;
using Interop.Contracts.V1;
using Interop.Testing;

// Entry point: `dotnet run -c Release --project tests/Interop.Client.Benchmarks -- [--slice-seconds 2] [--rounds 6] [--clients 1,8] [--smoke]`.
// Needs INTEROP_TEST_POSTGRES (an admin connection string). Exit codes: 0 every
// call succeeded, 1 a call failed (the run's figures are void), 2 bad arguments.
// `--smoke` runs the whole path once on tiny sizes (deploy/test.sh does, so the command never rots).
if (!ClientBenchOptions.TryParse(args, out var options, out var usageError))
{
    Console.Error.WriteLine(usageError);
    Console.Error.WriteLine(ClientBenchOptions.Usage);
    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.Cancel();
});

var inv = CultureInfo.InvariantCulture;
var loadAtStart = LoadAverage();
var inProcess = await InProcessOverhead.RunAsync(options.InProcessCallsPerBatch, rounds: 5);
var connectionString = await TestPostgres.CreateDatabaseAsync("clientbench");
var httpJsonPort = FreePort();
await using var hub = await ExternalHubProcess.StartAsync(connectionString, new Dictionary<string, string>
{
    // Capacity is measured, not an organisation's quota (100 calls/s by default).
    ["Interop__RateLimitPerSecond"] = "1000000",
    ["Interop__RateLimitBurst"] = "1000000",
    ["Interop__HttpJsonUrl"] = $"http://127.0.0.1:{httpJsonPort}",
});
var httpJsonAddress = new Uri($"http://127.0.0.1:{httpJsonPort}");
Console.WriteLine($"hub at {hub.Address} (gRPC and JSON over h2c), {httpJsonAddress} (JSON over HTTP/1.1); {Environment.ProcessorCount} cores; load average {loadAtStart} at the start");

using var connections = new Connections(hub.Address);
const int Desks = 50;
static string DeskOf(int client) => $"D{client % Desks:0000}";
string apiKey;
using (var setup = GrpcChannel.ForAddress(hub.Address))
{
    apiKey = await HubAccess.IssueKeyAsync(setup, TestOrganizations.Of(
        "client-bench", OrganizationKind.Landlord, stock: ["14118"], desks: [.. Enumerable.Range(0, Desks).Select(DeskOf)]));
}

var sides = new RegistrySides(hub.Address, apiKey, connections);
// ListApplications reads full pages of 50, GetApplication one of them.
var seeder = sides.Raw("seed", RegistrySides.Create(DeskOf)).ClientFor(0);
for (var i = 0; i < 60; i++)
{
    await seeder.SendAsync(seeder.Prepare(), stop.Token);
}

var known = (await new RegistryService.RegistryServiceClient(ApiKeyCredentials.Over(connections.NewChannel(), apiKey))
    .ListApplicationsAsync(new ListApplicationsRequest { PageSize = 1 }, cancellationToken: stop.Token)).Applications[0].Name;

(string Call, SideClients Raw, SideClients Library)[] overhead =
[
    ("GetApplication", new(sides.Raw("GetApplication", RegistrySides.Get(known))), new(sides.Library("GetApplication", RegistrySides.Get(known)))),
    ("CreateApplication", new(sides.Raw("CreateApplication", RegistrySides.Create(DeskOf))), new(sides.Library("CreateApplication", RegistrySides.Create(DeskOf)))),
    ("ListApplications (page of 50)", new(sides.Raw("ListApplications", RegistrySides.List())), new(sides.Library("ListApplications", RegistrySides.List()))),
];
SideClients[] doors =
[
    new(sides.Raw("gRPC (raw stub)", RegistrySides.Create(DeskOf)) with { Name = "gRPC" }),
    new(JsonDoorSide.Of("HTTP/JSON, HTTP/1.1", httpJsonAddress, HttpVersion.Version11, apiKey, DeskOf, connections)),
    new(JsonDoorSide.Of("HTTP/JSON, h2c", hub.Address, HttpVersion.Version20, apiKey, DeskOf, connections)),
];

try
{
    await HubWarmUp.RunAsync(
        [.. overhead.SelectMany(o => new[] { o.Raw, o.Library }), .. doors],
        ProcessLookup.FindChild("Interop.Hub.dll"), options.WarmUpMinimum, options.WarmUpMaximum, stop.Token);

    // Alternating slices, the side that goes first swapping every round, so
    // that the shared machine's noise and any drift hit both sides alike.
    foreach (var (call, raw, library) in overhead)
    {
        for (var round = 0; round < options.Rounds; round++)
        {
            foreach (var side in round % 2 == 0 ? new[] { raw, library } : [library, raw])
            {
                await side.MeasureAsync(1, options.Slice, side.Measured, stop.Token);
            }
        }

        Console.WriteLine(string.Create(inv, $"measured {call}: raw p50 {raw.Measured.Ms(50)} ms, library p50 {library.Measured.Ms(50)} ms"));
    }

    var throughput = new Dictionary<(int Clients, string Door), Latencies>();
    foreach (var clients in options.Clients)
    {
        for (var round = 0; round < options.Rounds; round++)
        {
            for (var turn = 0; turn < doors.Length; turn++)
            {
                var door = doors[(round + turn) % doors.Length];
                var into = throughput.TryGetValue((clients, door.Name), out var existing) ? existing : throughput[(clients, door.Name)] = new Latencies();
                await door.MeasureAsync(clients, options.Slice, into, stop.Token);
            }
        }

        Console.WriteLine(string.Create(inv, $"measured registrations with {clients} client(s): {string.Join(", ", doors.Select(d => $"{d.Name} {throughput[(clients, d.Name)].PerSecond:0}/s"))}"));
    }

    Console.WriteLine();
    if (options.Smoke)
    {
        Console.WriteLine("Smoke run (--smoke): 1-s slices, one round; these figures are not a measurement.");
    }

    Console.WriteLine(string.Create(inv, $"Client library against raw generated stubs, 1 client, {options.Rounds} × {options.Slice.TotalSeconds:0.#} s per side and call, alternating:"));
    Console.WriteLine();
    Console.WriteLine("| call | raw stub p50 ms | p99 ms | Interop.Client p50 ms | p99 ms | p50 library ÷ raw | p99 library ÷ raw | client CPU µs/call raw / library | calls raw / library |");
    Console.WriteLine("|---|--:|--:|--:|--:|--:|--:|--:|--:|");
    foreach (var (call, raw, library) in overhead)
    {
        var (r, l) = (raw.Measured, library.Measured);
        Console.WriteLine(string.Create(inv,
            $"| {call} | {r.Ms(50)} | {r.Ms(99)} | {l.Ms(50)} | {l.Ms(99)} | {l.Percentile(50) / r.Percentile(50):0.000}× | {l.Percentile(99) / r.Percentile(99):0.00}× | {r.ClientCpuMicrosecondsPerCall:0} / {l.ClientCpuMicrosecondsPerCall:0} | {r.Count} / {l.Count} |"));
    }

    Console.WriteLine();
    Console.WriteLine($"The client stack alone: the same calls answered in-process by a canned handler (no socket, no hub), {options.InProcessCallsPerBatch} calls × 5 batches per side:");
    Console.WriteLine();
    Console.WriteLine("| call | raw stub µs/call | Interop.Client µs/call | library − raw µs | ÷ raw p50 over the network |");
    Console.WriteLine("|---|--:|--:|--:|--:|");
    foreach (var (call, raw, library) in inProcess)
    {
        var network = overhead.Single(o => o.Call == call).Raw.Measured.Percentile(50) * 1000;
        Console.WriteLine(string.Create(inv, $"| {call} | {raw:0.0} | {library:0.0} | {library - raw:+0.0;-0.0} | {(library - raw) / network:0.0%} |"));
    }

    Console.WriteLine();
    Console.WriteLine(string.Create(inv, $"Registrations (CreateApplication) through each door, {options.Rounds} × {options.Slice.TotalSeconds:0.#} s per door and client count, in rotating order:"));
    Console.WriteLine();
    Console.WriteLine("| clients | door | reg/s | p50 ms | p99 ms | reg/s ÷ gRPC | p50 ÷ gRPC |");
    Console.WriteLine("|--:|---|--:|--:|--:|--:|--:|");
    foreach (var clients in options.Clients)
    {
        var grpc = throughput[(clients, doors[0].Name)];
        foreach (var door in doors)
        {
            var measured = throughput[(clients, door.Name)];
            Console.WriteLine(string.Create(inv,
                $"| {clients} | {door.Name} | {measured.PerSecond:0} | {measured.Ms(50)} | {measured.Ms(99)} | {measured.PerSecond / grpc.PerSecond:0.00}× | {measured.Percentile(50) / grpc.Percentile(50):0.00}× |"));
        }
    }

    Console.WriteLine();
    Console.WriteLine($"Every call answered OK and was checked. Load average (1 min): {loadAtStart} at the start, {LoadAverage()} at the end, on {Environment.ProcessorCount} cores.");
    return 0;
}
catch (CallFailedException failure)
{
    Console.WriteLine($"FAILED: {failure.Message}");
    Console.WriteLine(hub.Output.Length > 3000 ? hub.Output[^3000..] : hub.Output);
    return 1;
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    Console.Error.WriteLine("Stopped before the end; nothing to report.");
    return 1;
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}
