using Interop.Adapters.Simulator.Erp;
using Interop.Client;

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
    private readonly AttributionDesk? desk;
    private readonly HouseholdPool pool;
    private readonly Func<string, CancellationToken, Task<string?>> numberOf;
    private readonly Random random;
    private readonly int seed;
    private readonly HashSet<long> sharedTyped = [];
    private long ownOrdinal;

    /// <param name="erp">The ERP the desks type into.</param>
    /// <param name="desk">The attribution team, or null for no leases.</param>
    /// <param name="pool">The households.</param>
    /// <param name="numberOf">The hub number linked to a dossier reference, or null while it is not pushed yet.</param>
    /// <param name="seed">The seed of the choices and of this landlord's own households.</param>
    public TrafficGenerator(SimulatedErp erp, AttributionDesk? desk, HouseholdPool pool, Func<string, CancellationToken, Task<string?>> numberOf, int seed)
    {
        this.erp = erp;
        this.desk = desk;
        this.pool = pool;
        this.numberOf = numberOf;
        this.seed = seed;
        random = new Random(seed);
    }

    /// <summary>Leases that could not be signed (attributed elsewhere meanwhile, changed under our feet).</summary>
    public int LeasesFailed { get; private set; }

    /// <summary>One action of the landlord; returns what it did (a <see cref="FlowKinds"/> value, or <c>idle</c>).</summary>
    public async Task<string> StepAsync(CancellationToken cancellationToken)
    {
        var roll = random.Next(100);
        return roll switch
        {
            < 45 => RegisterOne(),
            < 65 => await ChangeOneAsync(UpdateOne, FlowKinds.Updated, cancellationToken),
            < 75 => await ChangeOneAsync(d => erp.Renew(d.Reference), FlowKinds.Renewed, cancellationToken),
            < 80 => await ChangeOneAsync(d => erp.Radiate(d.Reference, "RENONC"), FlowKinds.Radiated, cancellationToken),
            < 88 => await SignLeaseAsync(cancellationToken),
            _ => "idle",
        };
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

    private async Task<string> SignLeaseAsync(CancellationToken cancellationToken)
    {
        var active = erp.Dossiers.Where(d => d.Statut == "ACTIF").OrderBy(d => d.Reference, StringComparer.Ordinal).ToList();
        if (desk is null || active.Count == 0)
        {
            return "idle";
        }

        var dossier = active[random.Next(active.Count)];
        var number = dossier.NumeroUnique ?? await numberOf(dossier.Reference, cancellationToken);
        if (number is null)
        {
            return "idle";
        }

        try
        {
            await desk.SignLeaseAsync(dossier.Reference, number, cancellationToken);
            return FlowKinds.LeaseSigned;
        }
        catch (InteropException)
        {
            // Attributed elsewhere, radiated or changed meanwhile: another household next time.
            LeasesFailed++;
            return "idle";
        }
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
