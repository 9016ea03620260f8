using System.Diagnostics;
using Grpc.Core;
using Grpc.Net.Client;
using Interop.Contracts.V1;
using Interop.Testing;

namespace Interop.Client.Benchmarks;

/// <summary>
/// The client library's own cost per call, free of the network and of the
/// hub: the same calls through the raw stub and through
/// <see cref="InteropClient"/>, both over a <see cref="CannedHubHandler"/>,
/// in alternating batches, timed on one thread. What the library adds to a
/// real round trip is at most this difference.
/// </summary>
internal static class InProcessOverhead
{
    private static readonly Uri Address = new("http://127.0.0.1:5080");

    public static async Task<IReadOnlyList<(string Call, double RawMicroseconds, double LibraryMicroseconds)>> RunAsync(int callsPerBatch, int rounds)
    {
        var application = TestApplications.Valid();
        application.Name = "applications/014-2603-B0001-00001-K";
        var results = new List<(string, double, double)>();
        foreach (var (call, answer, send) in new (string, Google.Protobuf.IMessage, Func<RegistryService.RegistryServiceClient, Metadata?, Task>)[]
        {
            ("GetApplication", application, (registry, headers) => registry.GetApplicationAsync(new GetApplicationRequest { Name = application.Name }, headers).ResponseAsync),
            ("CreateApplication", new CreateApplicationResponse { Application = application }, (registry, headers) =>
            {
                var request = TestApplications.Create("B0001", application);
                if (headers is null)
                {
                    request.RequestId = "";
                }

                return registry.CreateApplicationAsync(request, headers).ResponseAsync;
            }),
        })
        {
            using var handler = new CannedHubHandler(answer);
            using var channel = GrpcChannel.ForAddress(Address, new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = false });
            using var library = InteropClient.Create(new InteropClientOptions { Address = Address, ApiKey = "ik_benchmark", HttpMessageHandler = handler });
            var raw = new RegistryService.RegistryServiceClient(channel);
            var bearer = new Metadata { { ApiKeyCredentials.HeaderName, "Bearer ik_benchmark" } };
            var (rawTime, libraryTime) = (TimeSpan.Zero, TimeSpan.Zero);

            // The first round only warms the JIT up; then the two take turns.
            for (var round = 0; round <= rounds; round++)
            {
                var rawBatch = await BatchAsync(() => send(raw, bearer), callsPerBatch);
                var libraryBatch = await BatchAsync(() => send(library.Registry, null), callsPerBatch);
                if (round > 0)
                {
                    (rawTime, libraryTime) = (rawTime + rawBatch, libraryTime + libraryBatch);
                }
            }

            var calls = (double)callsPerBatch * rounds;
            results.Add((call, rawTime.TotalMicroseconds / calls, libraryTime.TotalMicroseconds / calls));
        }

        return results;
    }

    private static async Task<TimeSpan> BatchAsync(Func<Task> call, int count)
    {
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            await call();
        }

        return Stopwatch.GetElapsedTime(started);
    }
}
