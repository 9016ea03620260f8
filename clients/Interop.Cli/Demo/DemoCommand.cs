using System.CommandLine;
using Grpc.Core;
using Grpc.Health.V1;
using Interop.Cli.CommandLine;
using Interop.Cli.Configuration;
using Interop.Cli.Connection;
using Interop.Client;
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
    public static Command Create()
    {
        var adminKey = new Option<string>("--admin-key") { Description = "The hub administrator's key (the bootstrap key of a fresh hub). Never printed.", HelpName = "KEY", Required = true };
        var desk = new Option<string>("--desk") { Description = "The demo landlord's desk code.", HelpName = "CODE", DefaultValueFactory = _ => "DEMO1" };
        var command = new Command("demo", "Join a demo landlord with the administrator key, register demo households of the Calvados, and show what the hub answers.")
        {
            CliOptions.Hub, CliOptions.Timeout, adminKey, desk,
        };
        CliAction.Set(command, (parse, cancellation) =>
        {
            var hub = parse.GetValue(CliOptions.Hub) ?? Environment.GetEnvironmentVariable(HubSettings.HubVariable)
                ?? throw new UsageException($"no hub address: give --hub URL or set {HubSettings.HubVariable}.");
            return RunAsync(HubSettings.ParseAddress(hub), parse.GetRequiredValue(adminKey), parse.GetRequiredValue(desk), HubSettings.ParseTimeout(parse.GetValue(CliOptions.Timeout)), cancellation);
        });
        return command;
    }

    private static async Task<int> RunAsync(Uri address, string adminKey, string desk, TimeSpan timeout, CancellationToken cancellation)
    {
        using (var admin = HubConnection.Open(address, adminKey, timeout))
        {
            await WaitUntilServingAsync(admin.Calls, cancellation);
        }

        var landlordKey = await DemoOrganization.JoinAsync(address, adminKey, desk, timeout);
        using var landlord = HubConnection.Open(address, landlordKey, timeout);
        var registry = landlord.Registry;

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
        return ExitCodes.Ok;
    }

    private static async Task ShowRefusalAsync(string what, Func<Task<Application>> call)
    {
        try
        {
            await call();
            Console.WriteLine($"{what}: unexpectedly accepted.");
        }
        catch (InteropException refused)
        {
            Console.WriteLine($"{what}: {refused.StatusCode} {refused.Reason} — {refused.Status.Detail}");
        }
    }

    /// <summary>The hub may still be applying migrations: wait for its health service, a few seconds at most.</summary>
    private static async Task WaitUntilServingAsync(CallInvoker calls, CancellationToken cancellation)
    {
        var health = new Health.HealthClient(calls);
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
        await pipeline.ExecuteAsync(async token => await health.CheckAsync(new HealthCheckRequest(), cancellationToken: token), cancellation);
    }

    private static string Format(Google.Type.Date date) => $"{date.Year:0000}-{date.Month:00}-{date.Day:00}";
}
