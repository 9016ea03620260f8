using Grpc.Core;
using Interop.Contracts.V1;

namespace Interop.Hub.Tests.Registry;

/// <summary>The bulk onboarding stream as the onboarding tests drive it: every record written, every answer read.</summary>
internal static class OnboardingCalls
{
    /// <summary>
    /// Sends <paramref name="records"/> on one <c>OnboardApplications</c> stream of <paramref name="client"/> and
    /// returns its answers by request id, read on another task while the records are written.
    /// </summary>
    public static async Task<Dictionary<string, OnboardApplicationsResponse>> OnboardAsync(
        RegistryService.RegistryServiceClient client, IReadOnlyList<OnboardApplicationsRequest> records)
    {
        using var call = client.OnboardApplications(deadline: DateTime.UtcNow.AddMinutes(2));
        var reading = Task.Run(async () =>
        {
            var answers = new Dictionary<string, OnboardApplicationsResponse>();
            await foreach (var answer in call.ResponseStream.ReadAllAsync())
            {
                answers.Add(answer.RequestId, answer);
            }

            return answers;
        });
        foreach (var record in records)
        {
            await call.RequestStream.WriteAsync(record);
        }

        await call.RequestStream.CompleteAsync();
        return await reading;
    }

    /// <summary>A registration of <paramref name="application"/> at desk B0001, with a request id of its own.</summary>
    public static OnboardApplicationsRequest Registration(Application application) => new()
    {
        Registration = new CreateApplicationRequest { RequestId = Guid.NewGuid().ToString(), RegisteringDesk = "B0001", Application = application },
    };
}
