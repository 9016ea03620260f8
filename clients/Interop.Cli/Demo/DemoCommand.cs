using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Interop.Contracts.V1;
using Polly;
using Polly.Retry;

namespace Interop.Cli.Demo;

/// <summary>
/// <c>interop demo --hub URL --admin-key KEY [--desk CODE]</c>: joins a demo
/// landlord to the hub with the administrator key, then registers a few demo
/// applications as that landlord and shows what the hub answers — new
/// numbers, an idempotent replay, a stale revision, a renewal that is too
/// early.
/// </summary>
internal static class DemoCommand
{
    public static async Task<int> RunAsync(CommandArguments arguments)
    {
        var hub = arguments.Required("hub");
        var adminKey = arguments.Required("admin-key");
        var desk = arguments.Optional("desk", "DEMO1");
        using var channel = GrpcChannel.ForAddress(hub);
        await WaitUntilServingAsync(channel);
        var landlordKey = await DemoOrganization.JoinAsync(channel, adminKey, desk);
        var registry = new RegistryService.RegistryServiceClient(Bearer.Over(channel, landlordKey));

        Console.WriteLine($"Registering demo applications at desk {desk} of the Calvados (14):");
        Application? first = null;
        string? firstRequestId = null;
        CreateApplicationRequest? firstRequest = null;
        foreach (var household in DemoHouseholds.All())
        {
            var request = new CreateApplicationRequest { RequestId = Guid.NewGuid().ToString(), RegisteringDesk = desk, Application = household };
            var created = (await registry.CreateApplicationAsync(request)).Application;
            Console.WriteLine($"  {created.Number}  {created.Applicant.LastName,-12} {string.Join(' ', created.Applicant.FirstNames),-12} filed {Format(created.FiledDate)}, valid until {Format(created.ExpiryDate)}");
            if (first is null)
            {
                (first, firstRequestId, firstRequest) = (created, request.RequestId, request);
            }
        }

        var replayed = (await registry.CreateApplicationAsync(firstRequest!)).Application;
        Console.WriteLine($"Same request sent again (request id {firstRequestId}): number {replayed.Number}, nothing new registered.");

        var updated = await registry.UpdateApplicationAsync(new UpdateApplicationRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Application = new Application { Name = first!.Name, Resources = new Resources { MonthlyIncomeEur = 1600, ReferenceTaxableIncomeEur = 15200, ReferenceTaxYear = first.Resources.ReferenceTaxYear } },
            UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "resources" } },
            ExpectedRevision = first.Revision,
        });
        Console.WriteLine($"Updated {updated.Number}: monthly income {updated.Resources.MonthlyIncomeEur} EUR, revision {updated.Revision}.");

        await ShowRefusalAsync("Update with a stale revision", () => registry.UpdateApplicationAsync(new UpdateApplicationRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Application = new Application { Name = first.Name, CurrentHousing = HousingSituation.Shelter },
            UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "current_housing" } },
            ExpectedRevision = first.Revision,
        }).ResponseAsync);
        var retyped = DemoHouseholds.All().First();
        retyped.Applicant.LastName = "LEFRANCOIS";
        retyped.Applicant.FirstNames[0] = "camille";
        retyped.Applicant.BirthDate = new Google.Type.Date { Year = 1988, Month = 12, Day = 4 };
        await ShowRefusalAsync("The first household typed again without accents, day and month swapped", async () =>
            (await registry.CreateApplicationAsync(new CreateApplicationRequest
            {
                RequestId = Guid.NewGuid().ToString(),
                RegisteringDesk = desk,
                Application = retyped,
            })).Application);
        await ShowRefusalAsync("Renewal eleven months early", () => registry.RenewApplicationAsync(new RenewApplicationRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Name = first.Name,
            ExpectedRevision = updated.Revision,
        }).ResponseAsync);
        return 0;
    }

    private static async Task ShowRefusalAsync(string what, Func<Task<Application>> call)
    {
        try
        {
            await call();
            Console.WriteLine($"{what}: unexpectedly accepted.");
        }
        catch (RpcException refused)
        {
            var info = refused.GetRpcStatus()?.GetDetail<Google.Rpc.ErrorInfo>();
            Console.WriteLine($"{what}: {refused.StatusCode} {info?.Reason} — {refused.Status.Detail}");
        }
    }

    /// <summary>The hub may still be applying migrations: wait for its health service, a few seconds at most.</summary>
    private static async Task WaitUntilServingAsync(GrpcChannel channel)
    {
        var health = new Health.HealthClient(channel);
        var pipeline = new ResiliencePipelineBuilder<HealthCheckResponse>()
            .AddRetry(new RetryStrategyOptions<HealthCheckResponse>
            {
                ShouldHandle = new PredicateBuilder<HealthCheckResponse>()
                    .Handle<RpcException>()
                    .HandleResult(r => r.Status != HealthCheckResponse.Types.ServingStatus.Serving),
                MaxRetryAttempts = 20,
                Delay = TimeSpan.FromMilliseconds(500),
            })
            .Build();
        await pipeline.ExecuteAsync(async token => await health.CheckAsync(new HealthCheckRequest(), cancellationToken: token));
    }

    private static string Format(Google.Type.Date date) => $"{date.Year:0000}-{date.Month:00}-{date.Day:00}";
}
