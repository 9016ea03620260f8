using Interop.Adapters.Simulator.Erp;
using Interop.Client;
using Interop.Contracts.V1;

namespace Interop.Adapters.Simulator.Traffic;

/// <summary>
/// A seeded landlord at work: desks typing new households (some of them households that also
/// applied at other landlords), updates, renewals, radiations, and now and then a lease signed
/// for a household on file. The seed fixes the sequence of choices; what each choice finds depends
/// on what the hub and the other landlords did meanwhile.
/// </summary>
public sealed class TrafficGenerator
{
    private static readonly string[] UpdateKinds = ["revenu", "logement", "souhaits"];

    private readonly SimulatedErp erp;
    private readonly string? stockCommune;
    private readonly InteropClient? hub;
    private readonly HouseholdPool pool;
    private readonly Func<string, CancellationToken, Task<string?>> numberOf;
    private readonly Random random;
    private readonly TimeProvider timeProvider;
    private readonly int seed;
    private readonly HashSet<long> sharedTyped = [];
    private long ownOrdinal;
    private int stepsTaken;

    /// <param name="erp">The ERP the desks type into.</param>
    /// <param name="stockCommune">The commune of the landlord's dwellings, or null for no leases.</param>
    /// <param name="hub">The hub, to read when an application may be renewed; null for no renewals.</param>
    /// <param name="pool">The households.</param>
    /// <param name="numberOf">The hub number linked to a dossier reference, or null while it is not pushed yet.</param>
    /// <param name="seed">The seed of the choices and of this landlord's own households.</param>
    /// <param name="timeProvider">The clock of the hub steps' timeout.</param>
    public TrafficGenerator(
        SimulatedErp erp,
        string? stockCommune,
        InteropClient? hub,
        HouseholdPool pool,
        Func<string, CancellationToken, Task<string?>> numberOf,
        int seed,
        TimeProvider timeProvider)
    {
        this.timeProvider = timeProvider;
        this.erp = erp;
        this.stockCommune = stockCommune;
        this.hub = hub;
        this.pool = pool;
        this.numberOf = numberOf;
        this.seed = seed;
        random = new Random(seed);
    }

    /// <summary>Hub steps (renewal checks) that failed or timed out, the hub away or the application changed meanwhile.</summary>
    public int HubStepsFailed { get; private set; }

    /// <summary>How long a step that calls the hub itself (a renewal's check) may take. Default 2 s.</summary>
    public TimeSpan HubStepTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Steps finished, failed ones included. Once it reaches the number of steps asked for, the ERP's
    /// journal no longer grows: what a caller waits for before counting what the desks typed.
    /// </summary>
    public int StepsTaken => Volatile.Read(ref stepsTaken);

    /// <summary>One action of the landlord; returns what it did (a <see cref="FlowKinds"/> value, or <c>idle</c>).</summary>
    public async Task<string> StepAsync(CancellationToken cancellationToken)
    {
        try
        {
            var roll = random.Next(100);
            return roll switch
            {
                < 45 => RegisterOne(),
                < 65 => await ChangeOneAsync(UpdateOne, FlowKinds.Updated, cancellationToken),
                < 75 => await WithTheHubAsync(RenewOneAsync, cancellationToken),
                < 80 => await ChangeOneAsync(d => erp.Radiate(d.Reference, "RENONC"), FlowKinds.Radiated, cancellationToken),
                < 88 => await SignLeaseAsync(cancellationToken),
                _ => "idle",
            };
        }
        finally
        {
            Interlocked.Increment(ref stepsTaken);
        }
    }

    /// <summary>
    /// A step that talks to the hub directly gets <see cref="HubStepTimeout"/>: the desks keep typing
    /// into the ERP while the hub is down (their changes wait in the journal), they do not queue behind it.
    /// </summary>
    private async Task<string> WithTheHubAsync(Func<CancellationToken, Task<string>> step, CancellationToken cancellationToken)
    {
        using var bounded = new CancellationTokenSource(HubStepTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, bounded.Token);
        try
        {
            return await step(linked.Token);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is OperationCanceledException or Grpc.Core.RpcException)
        {
            // The hub is slow or away, or the application changed meanwhile (attributed elsewhere,
            // radiated): another dossier next time.
            HubStepsFailed++;
            return "idle";
        }
    }

    private string RegisterOne()
    {
        // A quarter of the registrations are households that apply at several landlords.
        if (pool.SharedCount > 0 && random.Next(4) == 0)
        {
            var shared = random.Next(pool.SharedCount);
            if (sharedTyped.Add(shared))
            {
                erp.Register(pool.Household(shared));
                return FlowKinds.Registered;
            }
        }

        erp.Register(pool.Household(pool.OwnIndex(seed, ownOrdinal++)));
        return FlowKinds.Registered;
    }

    private async Task<string> ChangeOneAsync(Action<Dossier> change, string kind, CancellationToken cancellationToken)
    {
        var local = erp.Dossiers.Where(d => d.Origine == "LOCAL" && d.Statut == "ACTIF").OrderBy(d => d.Reference, StringComparer.Ordinal).ToList();
        if (local.Count == 0)
        {
            return "idle";
        }

        var dossier = local[random.Next(local.Count)];
        // Only a dossier the hub knows can change there; a fresh one waits for its registration to go.
        if (await numberOf(dossier.Reference, cancellationToken) is null)
        {
            return "idle";
        }

        change(dossier);
        return kind;
    }

    /// <summary>
    /// Renews a dossier whose application expires within the month, the only time the hub accepts a
    /// renewal: in a fresh simulation none does yet, and the step is idle.
    /// </summary>
    private async Task<string> RenewOneAsync(CancellationToken cancellationToken)
    {
        var local = erp.Dossiers.Where(d => d.Origine == "LOCAL" && d.Statut == "ACTIF").OrderBy(d => d.Reference, StringComparer.Ordinal).ToList();
        if (hub is null || local.Count == 0)
        {
            return "idle";
        }

        var dossier = local[random.Next(local.Count)];
        if (await numberOf(dossier.Reference, cancellationToken) is not { } number)
        {
            return "idle";
        }

        var application = await hub.Registry.GetApplicationAsync(new GetApplicationRequest { Name = "applications/" + number }, cancellationToken: cancellationToken);
        var today = DateOnly.FromDateTime(application.UpdateTime.ToDateTime());
        var expiry = application.ExpiryDate is { Year: > 0 } e ? new DateOnly(e.Year, e.Month, e.Day) : DateOnly.MaxValue;
        if (expiry > today.AddMonths(1))
        {
            return "idle";
        }

        erp.Renew(dossier.Reference);
        return FlowKinds.Renewed;
    }

    /// <summary>
    /// The attribution team signs a lease of one of the landlord's dwellings with a household on file. It
    /// goes through the ERP's journal like every other change, so the adapter pushes it after the updates
    /// of the dossier typed before it (a lease overtaking them would have the hub refuse them: the
    /// application is radiated by then), with the SDK's crash safety.
    /// </summary>
    private async Task<string> SignLeaseAsync(CancellationToken cancellationToken)
    {
        var active = erp.Dossiers.Where(d => d.Statut == "ACTIF").OrderBy(d => d.Reference, StringComparer.Ordinal).ToList();
        if (stockCommune is null || active.Count == 0)
        {
            return "idle";
        }

        var dossier = active[random.Next(active.Count)];
        // Only a household on file at the hub: a fresh dossier waits for its registration to go.
        if (dossier.NumeroUnique is null && await numberOf(dossier.Reference, cancellationToken) is null)
        {
            return "idle";
        }

        // The dwelling is named after the dossier (letters and digits, as RPLS ids are): the same seed signs the same leases.
        var dwelling = "LGT" + new string([.. dossier.Reference.Where(char.IsAsciiLetterOrDigit)]);
        erp.SignLease(dossier.Reference, new Bail(dwelling, stockCommune, dossier.Typologie ?? "T3"));
        return FlowKinds.LeaseSigned;
    }

    private void UpdateOne(Dossier dossier)
    {
        var what = UpdateKinds[random.Next(UpdateKinds.Length)];
        var delta = random.Next(-200, 300);
        erp.Update(dossier.Reference, d => what switch
        {
            "revenu" => d with { Revenu = Math.Max(0, d.Revenu + delta) },
            "logement" => d with { Logement = d.Logement == "HEBERGE" ? "LOCPRIV" : "HEBERGE" },
            _ => d with { Typologie = d.Typologie == "T2" ? "T3" : "T2" },
        }, what);
    }
}
