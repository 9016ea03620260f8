using Grpc.Core;
using Interop.Contracts.V1;
using Interop.Testing;

namespace Interop.Client.Benchmarks;

/// <summary>
/// The same registry calls made two ways: with the raw generated stub
/// (<c>new RegistryService.RegistryServiceClient(channel)</c> and the bearer
/// header on each call, what an integrator writes without the library), and
/// with <see cref="InteropClient"/> as its README shows (default options:
/// deadline, retries, typed errors; a registration's request id left empty
/// for the library to fill).
/// </summary>
internal sealed class RegistrySides(Uri address, string apiKey, Connections connections)
{
    private readonly Metadata bearer = new() { { ApiKeyCredentials.HeaderName, "Bearer " + apiKey } };

    public Side Raw(string call, Func<RegistryService.RegistryServiceClient, Metadata?, int, Caller> make) =>
        new($"raw stub {call}", client => make(new RegistryService.RegistryServiceClient(connections.NewChannel()), bearer, client));

    public Side Library(string call, Func<RegistryService.RegistryServiceClient, Metadata?, int, Caller> make) =>
        new($"Interop.Client {call}", client => make(connections.Keep(new InteropClient(address, apiKey)).Registry, null, client));

    /// <summary>Reads one application by its name.</summary>
    public static Func<RegistryService.RegistryServiceClient, Metadata?, int, Caller> Get(string name)
    {
        var request = new GetApplicationRequest { Name = name };
        return (registry, headers, _) => new Caller(() => request, async (r, cancellationToken) =>
        {
            var application = await registry.GetApplicationAsync((GetApplicationRequest)r, headers, cancellationToken: cancellationToken);
            Expect(application.Name == name, $"GetApplication answered {application.Name}, not {name}");
        });
    }

    /// <summary>Registers a new household at the client's own desk. Without headers (the library), the request id is left for the client to set.</summary>
    public static Func<RegistryService.RegistryServiceClient, Metadata?, int, Caller> Create(Func<int, string> deskOfClient) =>
        (registry, headers, client) => new Caller(
            () =>
            {
                var request = TestApplications.Create(deskOfClient(client));
                if (headers is null)
                {
                    request.RequestId = "";
                }

                return request;
            },
            async (r, cancellationToken) =>
            {
                var created = await registry.CreateApplicationAsync((CreateApplicationRequest)r, headers, cancellationToken: cancellationToken);
                Expect(created.Application is { Number.Length: > 0 }, "CreateApplication answered OK without a number");
            });

    /// <summary>Lists the first page of 50 applications.</summary>
    public static Func<RegistryService.RegistryServiceClient, Metadata?, int, Caller> List()
    {
        var request = new ListApplicationsRequest { PageSize = 50 };
        return (registry, headers, _) => new Caller(() => request, async (r, cancellationToken) =>
        {
            var page = await registry.ListApplicationsAsync((ListApplicationsRequest)r, headers, cancellationToken: cancellationToken);
            Expect(page.Applications.Count == 50, $"ListApplications answered {page.Applications.Count} applications, not 50");
        });
    }

    public static void Expect(bool condition, string failure)
    {
        if (!condition)
        {
            throw new InvalidDataException(failure);
        }
    }
}
