using Interop.Adapters.Sdk.Outbound;
using Interop.Adapters.Sdk.State;
using Interop.Contracts.V1;
using Interop.Testing;

namespace Interop.Adapters.Sdk.Tests;

/// <summary>What the tests check on the hub's side and in an adapter's state.</summary>
public static class HubView
{
    /// <summary>How many applications the hub holds for the household named <paramref name="lastName"/> (unique per test).</summary>
    public static async Task<long> ApplicationsOfAsync(AdapterHub hub, string lastName) =>
        (await new DatabaseProbe(hub.Hub.ConnectionString).QueryAsync<long>(
            "select count(*) from applications where household::text like '%' || @lastName || '%'", new { lastName }))[0];

    /// <summary>A household in the contract's shape whose housing and reasons the ERP gives as its own codes.</summary>
    public static (Application Application, ErpCode[] Codes) ErpHousehold(string lastName)
    {
        var application = TestApplications.Valid(lastName);
        application.CurrentHousing = HousingSituation.Unspecified;
        application.ReasonCodes.Clear();
        return (application, [new ErpCode("current_housing", "LOCPRIV"), new ErpCode("reason_codes", "DIVORCE")]);
    }

    public static async Task<ApplicationLink> LinkedAsync(IAdapterStateStore state, string erpRecordId)
    {
        ApplicationLink? link = null;
        await Eventually.TrueAsync(async () => (link = await state.FindByErpRecordAsync(erpRecordId, CancellationToken.None)) is not null, $"ERP record {erpRecordId} linked");
        return link!;
    }

    /// <summary>Another writer sets the income to 1234 on the hub, from revision 1 to 2, as the adapter's next push will not expect.</summary>
    public static async Task ChangeIncomeAsync(Interop.Client.InteropClient writer, string number)
    {
        var current = await writer.Registry.GetApplicationAsync(new GetApplicationRequest { Name = "applications/" + number });
        current.Resources.MonthlyIncomeEur = 1234;
        await writer.Registry.UpdateApplicationAsync(new UpdateApplicationRequest
        {
            Application = current,
            UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "resources" } },
            ExpectedRevision = 1,
        });
    }

    /// <summary>The application's current revision, as any reader of it sees it.</summary>
    public static async Task<long> RevisionAsync(Interop.Client.InteropClient reader, string number) =>
        (await reader.Registry.GetApplicationAsync(new GetApplicationRequest { Name = "applications/" + number })).Revision;
}
