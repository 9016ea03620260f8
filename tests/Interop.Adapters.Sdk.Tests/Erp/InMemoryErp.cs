using System.Collections.Concurrent;
using System.Globalization;
using Interop.Adapters.Sdk.Inbound;
using Interop.Adapters.Sdk.Outbound;
using Interop.Contracts.V1;

namespace Interop.Adapters.Sdk.Tests.Erp;

/// <summary>
/// A landlord ERP in memory: an outbox of local changes (the SDK's source) and the applications
/// it received from the hub (the SDK's sink). The integrator's side; the hub under it is real.
/// </summary>
public sealed class InMemoryErp : IErpChangeSource, IHubChangeSink
{
    private readonly List<ErpChange> outbox = [];
    private readonly object gate = new();
    private int sequence;

    /// <summary>The hub changes applied, in order, by change id (a change applied twice shows twice).</summary>
    public ConcurrentQueue<Change> Applied { get; } = new();

    /// <summary>The applications as the ERP holds them, by hub number.</summary>
    public ConcurrentDictionary<string, Application> Records { get; } = new();

    /// <summary>When set and true for a change, the ERP refuses it.</summary>
    public Func<Change, bool>? Refuse { get; set; }

    /// <summary>Awaited before applying each change (tests hold the sink here).</summary>
    public Func<Change, Task>? BeforeApply { get; set; }

    public string Register(string recordId, Application application, params ErpCode[] codes) =>
        Add(recordId, ErpChangeKind.Register, application, codes, []);

    public string Update(string recordId, Application application, string[] changedFields, params ErpCode[] codes) =>
        Add(recordId, ErpChangeKind.Update, application, codes, changedFields);

    /// <summary>The ERP's attribution team attributed a dwelling to the household of <paramref name="recordId"/>.</summary>
    public string Attribute(string recordId, ErpAttribution attribution) =>
        Add(recordId, ErpChangeKind.Attribute, null, [], [], attribution);

    public Task<IReadOnlyList<ErpChange>> ReadChangesAsync(string? afterMarker, int maxCount, CancellationToken cancellationToken)
    {
        var after = afterMarker is null ? 0 : long.Parse(afterMarker, CultureInfo.InvariantCulture);
        lock (gate)
        {
            IReadOnlyList<ErpChange> batch = [.. outbox.Where(c => long.Parse(c.Marker, CultureInfo.InvariantCulture) > after).Take(maxCount)];
            return Task.FromResult(batch);
        }
    }

    public async Task<string?> ApplyAsync(Change change, string? erpRecordId, CancellationToken cancellationToken)
    {
        if (BeforeApply is { } before)
        {
            await before(change);
        }

        if (Refuse?.Invoke(change) == true)
        {
            throw new ErpRefusedException($"the ERP refuses change {change.ChangeId}: test refusal");
        }

        var number = change.Application["applications/".Length..];
        if (change.ApplicationState is { } state)
        {
            Records[number] = state;
        }

        Applied.Enqueue(change);
        return erpRecordId ?? "from-hub-" + number;
    }

    /// <summary>The number of times the ERP applied a change of the household <paramref name="lastName"/>.</summary>
    public int AppliedCountOf(string lastName) => Applied.Count(c => c.ApplicationState?.Applicant?.LastName == lastName);

    private string Add(string recordId, ErpChangeKind kind, Application? application, ErpCode[] codes, string[] changedFields, ErpAttribution? attribution = null)
    {
        lock (gate)
        {
            sequence++;
            var changeId = $"{recordId}-change-{sequence}";
            outbox.Add(new ErpChange
            {
                ChangeId = changeId,
                ErpRecordId = recordId,
                Kind = kind,
                Marker = sequence.ToString(CultureInfo.InvariantCulture),
                Application = application,
                Codes = codes,
                ChangedFields = changedFields,
                Attribution = attribution,
                ChangedAt = DateTimeOffset.UtcNow,
            });
            return changeId;
        }
    }
}
