namespace Interop.Adapters.Sql.Erp;

/// <summary>
/// A row of the sample ERP's <c>erp.baux</c> (a signed lease) as the outbox trigger leaves it in its payload, in the
/// ERP's own codes (see <c>Schema/sample-erp.sql</c>); <see cref="DossierReference"/> is the household's dossier the
/// trigger found (also by the hub's number when the lease named only that).
/// </summary>
public sealed record BailRow
{
    public long Id { get; init; }

    public string? DossierReference { get; init; }

    public string? NumeroUnique { get; init; }

    /// <summary>The dwelling's RPLS id.</summary>
    public string Logement { get; init; } = "";

    /// <summary>INSEE code of the dwelling's commune.</summary>
    public string Commune { get; init; } = "";

    /// <summary>F1 … F5, mapped through <c>proposal.typology</c>.</summary>
    public string Typologie { get; init; } = "";

    /// <summary>The reservation contingent the lease names, mapped through <c>proposal.reservation_holder</c>.</summary>
    public string Reservataire { get; init; } = "";

    /// <summary>Mapped through <c>lease.collective_agreement</c>.</summary>
    public string AccordCollectif { get; init; } = "";

    /// <summary>The lease's start date.</summary>
    public DateOnly DateEffet { get; init; }

    public bool Dalo { get; init; }
}
