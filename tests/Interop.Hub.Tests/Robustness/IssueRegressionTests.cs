using System.Text;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Interop.Contracts.V1;
using Interop.Testing;

namespace Interop.Hub.Tests.Robustness;

/// <summary>
/// The exact inputs that once answered INTERNAL (out-of-range well-known
/// types, impossible dates, unknown mask paths and enum numbers, forged page
/// tokens): each is now INVALID_ARGUMENT naming the field, and writes nothing.
/// </summary>
public sealed class IssueRegressionTests(ContractHubFixture fixture) : IClassFixture<ContractHubFixture>
{
    private static readonly string[] WrittenTables = ["applications", "changes", "idempotency_keys", "organizations", "api_keys"];

    private RegistryService.RegistryServiceClient Registry => new(fixture.Hub.Calls);

    private AdminService.AdminServiceClient Admin => new(fixture.Hub.Admin);

    [Fact]
    public async Task ListApplications_UpdatedSinceWithNegativeNanos_NamesUpdatedSince()
    {
        var request = new ListApplicationsRequest { UpdatedSince = new Timestamp { Seconds = 1_780_000_000, Nanos = -1 } };

        await RefusedOnAsync("updated_since", () => Registry.ListApplicationsAsync(request).ResponseAsync);
    }

    [Fact]
    public async Task ListApplications_UpdatedSinceAfterYear9999_NamesUpdatedSince()
    {
        var request = new ListApplicationsRequest { UpdatedSince = new Timestamp { Seconds = 253_402_300_800 } };

        await RefusedOnAsync("updated_since", () => Registry.ListApplicationsAsync(request).ResponseAsync);
    }

    [Fact]
    public async Task IssueApiKey_ExpireTimeWithNegativeNanos_NamesExpireTime()
    {
        var request = new IssueApiKeyRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Parent = "organizations/test-registrar",
            DisplayName = "erp",
            ExpireTime = new Timestamp { Seconds = 1_900_000_000, Nanos = -1 },
        };

        await RefusedOnAsync("expire_time", () => Admin.IssueApiKeyAsync(request).ResponseAsync);
    }

    [Fact]
    public async Task CreateApplication_MemberBornOn30February_NamesThatMembersBirthDate()
    {
        var application = TestApplications.Valid();
        application.HouseholdMembers.Add(application.HouseholdMembers[0].Clone());
        application.HouseholdMembers[1].BirthDate = new Google.Type.Date { Year = 2026, Month = 2, Day = 30 };

        await RefusedOnAsync("application.household_members[1].birth_date", () => Registry.CreateApplicationAsync(TestApplications.Create(application: application)).ResponseAsync);
    }

    [Fact]
    public async Task CreateApplication_BirthDateOfYearZero_NamesTheBirthDate()
    {
        var application = TestApplications.Valid();
        application.Applicant.BirthDate = new Google.Type.Date { Year = 0, Month = 4, Day = 12 };

        await RefusedOnAsync("application.applicant.birth_date", () => Registry.CreateApplicationAsync(TestApplications.Create(application: application)).ResponseAsync);
    }

    [Fact]
    public async Task CreateApplication_SexNumber999_NamesTheSex()
    {
        var application = TestApplications.Valid();
        application.Applicant.Sex = (Sex)999;

        await RefusedOnAsync("application.applicant.sex", () => Registry.CreateApplicationAsync(TestApplications.Create(application: application)).ResponseAsync);
    }

    [Fact]
    public async Task ListApplications_StatusNumber999_NamesTheStatus()
    {
        var request = new ListApplicationsRequest { Status = (ApplicationStatus)999 };

        await RefusedOnAsync("status", () => Registry.ListApplicationsAsync(request).ResponseAsync);
    }

    [Fact]
    public async Task UpdateApplication_UnknownMaskPath_NamesTheMask()
    {
        var request = new UpdateApplicationRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Application = new Application { Name = fixture.Known.ResourceNames[0] },
            UpdateMask = new FieldMask { Paths = { "applicant.last_name" } },
            ExpectedRevision = 1,
        };

        await RefusedOnAsync("update_mask", () => Registry.UpdateApplicationAsync(request).ResponseAsync);
    }

    [Fact]
    public async Task UpdateOrganization_UnknownMaskPath_NamesTheMask()
    {
        var request = new UpdateOrganizationRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Organization = new Organization { Name = "organizations/test-registrar" },
            UpdateMask = new FieldMask { Paths = { "kind" } },
            ExpectedRevision = 1,
        };

        await RefusedOnAsync("update_mask", () => Admin.UpdateOrganizationAsync(request).ResponseAsync);
    }

    public static TheoryData<string> ForgedTokens() =>
    [
        Convert.ToBase64String(Encoding.UTF8.GetBytes("not a token at all")),
        Convert.ToBase64String([0xff, 0xfe, 0x00, 0x01, 0x80]),
        "%%%not-base64%%%",
        new string('A', 2000),
        Base64Url("v1|0000000000000000|\u0000|0"),
        Base64Url("v1|0000000000000000|0142603B000100001X|-5"),
        Base64Url("organizations|test-registrar"),
    ];

    [Theory]
    [MemberData(nameof(ForgedTokens))]
    public async Task ListApplications_ForgedPageToken_NamesThePageToken(string token)
    {
        await RefusedOnAsync("page_token", () => Registry.ListApplicationsAsync(new ListApplicationsRequest { PageToken = token }).ResponseAsync);
    }

    [Fact]
    public async Task ListApplications_TruncatedOrOtherFiltersToken_NamesThePageToken()
    {
        var token = (await Registry.ListApplicationsAsync(new ListApplicationsRequest { PageSize = 1 })).NextPageToken;
        Assert.NotEmpty(token);

        await RefusedOnAsync("page_token", () => Registry.ListApplicationsAsync(new ListApplicationsRequest { PageToken = token[..^3] }).ResponseAsync);
        await RefusedOnAsync("page_token", () => Registry.ListApplicationsAsync(new ListApplicationsRequest { PageToken = token, Departement = "61" }).ResponseAsync);
        Assert.Single((await Registry.ListApplicationsAsync(new ListApplicationsRequest { PageToken = token, PageSize = 1 })).Applications);
    }

    [Fact]
    public async Task ListOrganizations_TokenWithAControlCharacter_NamesThePageToken()
    {
        await RefusedOnAsync("page_token", () => Admin.ListOrganizationsAsync(new ListOrganizationsRequest { PageToken = Base64Url("organizations|a\u0000b") }).ResponseAsync);
    }

    [Fact]
    public async Task ListApplications_NegativePageSize_NamesThePageSize_AndAHugeOneIsCapped()
    {
        await RefusedOnAsync("page_size", () => Registry.ListApplicationsAsync(new ListApplicationsRequest { PageSize = -1 }).ResponseAsync);

        var all = await Registry.ListApplicationsAsync(new ListApplicationsRequest { PageSize = int.MaxValue });
        Assert.NotEmpty(all.Applications);
    }

    [Fact]
    public async Task Subscribe_HeartbeatWithNanosOfTheOtherSign_NamesTheHeartbeat()
    {
        var feed = new ChangeFeedService.ChangeFeedServiceClient(fixture.Hub.Calls);
        var request = new SubscribeRequest { SubscriptionId = "erp", HeartbeatInterval = new Duration { Seconds = 10, Nanos = -1 } };

        await RefusedOnAsync("heartbeat_interval", async () =>
        {
            using var stream = feed.Subscribe(request);
            await stream.ResponseStream.MoveNext(CancellationToken.None);
        });
    }

    [Fact]
    public async Task RadiateApplication_WarningLetterOfYear9999_NamesTheLetterDate()
    {
        var request = new RadiateApplicationRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Name = fixture.Known.ResourceNames[1],
            ExpectedRevision = 1,
            Reason = RadiationReason.NoAnswer,
            WarningLetterDate = new Google.Type.Date { Year = 9999, Month = 12, Day = 31 },
        };

        await RefusedOnAsync("warning_letter_date", () => Registry.RadiateApplicationAsync(request).ResponseAsync);
    }

    [Fact]
    public async Task FindMatches_NameWithANulCharacter_NamesTheLastName()
    {
        var matching = new MatchingService.MatchingServiceClient(fixture.Hub.Calls);
        var request = new FindMatchesRequest { Person = new Person { LastName = "Mar\u0000tin" } };

        await RefusedOnAsync("person.last_name", () => matching.FindMatchesAsync(request).ResponseAsync);
    }

    [Fact]
    public async Task RevokeApiKey_KeyIdThatIsNotOne_NamesTheName()
    {
        var request = new RevokeApiKeyRequest { RequestId = Guid.NewGuid().ToString(), Name = "organizations/test-registrar/apiKeys/" + new string('k', 5000) };

        await RefusedOnAsync("name", () => Admin.RevokeApiKeyAsync(request).ResponseAsync);
    }

    private async Task RefusedOnAsync(string field, Func<Task> call)
    {
        var probe = new DatabaseProbe(fixture.Hub.ConnectionString);
        var before = await probe.CountRowsAsync(WrittenTables);

        var status = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, call, "INVALID_ARGUMENT");

        Assert.Contains(field, RpcAssert.ViolatedFields(status));
        Assert.Equal(before, await probe.CountRowsAsync(WrittenTables));
    }

    private static string Base64Url(string text) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
