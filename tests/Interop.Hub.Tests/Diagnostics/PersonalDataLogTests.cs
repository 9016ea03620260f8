using Grpc.Core;
using Interop.Contracts.V1;
using Interop.Testing;

namespace Interop.Hub.Tests.Diagnostics;

/// <summary>
/// No personal data in the hub's logs: a household with unmistakable names, e-mail and phone goes
/// through registration, a refused duplicate, a refused invalid value, an update, reads and a
/// duplicate search, with every log event of the hub captured at its most verbose; none holds them.
/// </summary>
public sealed class PersonalDataLogTests : IAsyncLifetime
{
    private const string LastName = "Quibbleworthe";
    private const string FirstName = "Ysolde";
    private const string Email = "ysolde.quibbleworthe@example.org";
    private const string Phone = "06 71 82 93 04";
    private const string NewPhone = "07 19 28 37 46";
    private const string InvalidEmail = "quibbleworthe-at-nowhere";

    private HubHost hub = null!;

    public async Task InitializeAsync() => hub = await HubHost.StartAsync("personal-data-logs", settings: new Dictionary<string, string>
    {
        ["Serilog:MinimumLevel:Default"] = "Verbose",
    });

    public async Task DisposeAsync() => await hub.DisposeAsync();

    [Fact]
    public async Task EveryLogEvent_OfAHouseholdsWholeJourney_HoldsNoneOfItsData()
    {
        var registry = new RegistryService.RegistryServiceClient(hub.Calls);
        var matching = new MatchingService.MatchingServiceClient(hub.Calls);
        var created = await registry.CreateApplicationAsync(TestApplications.Create(application: Household()));
        await RpcAssert.FailsAsync(StatusCode.AlreadyExists, () => registry.CreateApplicationAsync(TestApplications.Create(application: Household())).ResponseAsync);
        var invalid = Household();
        invalid.Applicant.Contact.Email = InvalidEmail;
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => registry.CreateApplicationAsync(TestApplications.Create(application: invalid)).ResponseAsync);
        var changed = created.Application.Clone();
        changed.Applicant.Contact.Phone = NewPhone;
        await registry.UpdateApplicationAsync(new UpdateApplicationRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Application = changed,
            ExpectedRevision = created.Application.Revision,
            UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "applicant" } },
        });
        await registry.GetApplicationAsync(new GetApplicationRequest { Name = created.Application.Name });
        await registry.ListApplicationsAsync(new ListApplicationsRequest());
        await matching.FindMatchesAsync(new FindMatchesRequest { Person = Household().Applicant, Departement = "14" });

        var events = hub.Logs.Events;
        var templates = string.Join(" | ", events.Select(e => e.Template).Distinct());
        Assert.True(events.Any(e => e.Template.StartsWith("Registered application", StringComparison.Ordinal)), "Capture incomplete: " + templates);
        Assert.True(events.Any(e => e.Template.Contains("refused", StringComparison.Ordinal)), "Capture incomplete: " + templates);
        string[] personal = [LastName, FirstName, Email, Phone, NewPhone, InvalidEmail, "quibbleworthe", "06718293", "0671829304"];
        var leaks = events.Where(e => personal.Any(p => e.Text.Contains(p, StringComparison.OrdinalIgnoreCase))).Select(e => e.Text).ToList();
        Assert.True(leaks.Count == 0, "Personal data in the logs:\n" + string.Join("\n", leaks));
    }

    private static Application Household()
    {
        var application = TestApplications.Valid(LastName, FirstName);
        application.Applicant.Contact = new Contact { Email = Email, Phone = Phone };
        return application;
    }
}
