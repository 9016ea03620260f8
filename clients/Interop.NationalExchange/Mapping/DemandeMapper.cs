using System.Text.RegularExpressions;
using Interop.Contracts.V1;
using Interop.NationalExchange.Export;

namespace Interop.NationalExchange.Mapping;

/// <summary>
/// Maps a change of the feed to a national <c>demande</c>, or to the reason it is
/// not in the file. The application's data come from the state carried by the
/// change (the state at delivery, protos/README.md "The change feed").
/// </summary>
internal static partial class DemandeMapper
{
    /// <param name="change">The change, with the state at delivery.</param>
    /// <param name="zone">French time.</param>
    /// <param name="resendAsCreation">
    /// Numbers whose creation (CRE) the national registry rejected and still holds
    /// as unknown: their next update or renewal is sent as a CRE again, since a MOD
    /// of a number it never took would be rejected too. A number is taken out once sent.
    /// </param>
    public static (NuuDemande? Demande, ExportSkip? Skip) Map(Change change, TimeZoneInfo zone, ISet<string>? resendAsCreation = null)
    {
        var typeFichier = change.Kind switch
        {
            ChangeKind.Registered => "CRE",
            ChangeKind.Updated => "MOD",
            ChangeKind.Renewed => "REN",
            ChangeKind.Radiated or ChangeKind.Reactivated => "RAD",
            ChangeKind.Merged => "SUP",
            _ => null,
        };
        if (typeFichier is null)
        {
            return (null, Skip(change, NotExportedReason(change.Kind)));
        }

        var state = change.ApplicationState;
        if (state is null || state.Status == ApplicationStatus.Erased)
        {
            return (null, Unexpressible(change, "the application's personal data are erased: the change carries no state to send"));
        }

        if (MissingMandatory(state) is { } missing)
        {
            return (null, Unexpressible(change, missing));
        }

        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(change.ChangeTime.ToDateTimeOffset(), zone).DateTime);
        switch (change.Kind)
        {
            case ChangeKind.Radiated:
                // The state is the one at delivery: a radiation followed by a reactivation
                // before the run no longer carries its reason, and is reported rather than guessed.
                if (state.Status != ApplicationStatus.Radiated || state.Radiation is null || SneCodes.Of(state.Radiation.Reason) is not { } motif)
                {
                    return (null, Unexpressible(change, "the application is no longer radiated at delivery: the radiation reason is unknown"));
                }

                string? sousMotif = null;
                if (state.Radiation.Reason == RadiationReason.Inadmissibility)
                {
                    sousMotif = SneCodes.Of(state.Radiation.InadmissibilityReason);
                    if (sousMotif is null)
                    {
                        return (null, Unexpressible(change, "RADIRR needs its sub-reason (IRRRES or IRRSEJ) and the application has none"));
                    }
                }

                return (new NuuDemande(typeFichier, change, day, motif, sousMotif, null), null);
            case ChangeKind.Reactivated:
                // The SNE's déradiation: a RAD with an empty reason (ListeMotifsRadiation).
                return (new NuuDemande(typeFichier, change, day, "", null, null), null);
            case ChangeKind.Merged:
                if (string.IsNullOrEmpty(state.MergedInto) || !NumberPattern().IsMatch(Number(state.MergedInto)))
                {
                    return (null, Unexpressible(change, "the merged application names no valid target number"));
                }

                return (new NuuDemande(typeFichier, change, day, null, null, Number(state.MergedInto)), null);
            case ChangeKind.Updated or ChangeKind.Renewed when resendAsCreation?.Remove(state.Number) == true:
                return (new NuuDemande("CRE", change, day, null, null, null), null);
            default:
                return (new NuuDemande(typeFichier, change, day, null, null, null), null);
        }
    }

    /// <summary>The bare number of a resource name or a number.</summary>
    public static string Number(string nameOrNumber) =>
        nameOrNumber.StartsWith("applications/", StringComparison.Ordinal) ? nameOrNumber["applications/".Length..] : nameOrNumber;

    /// <summary>The first mandatory element of domain.md §1.5 the state cannot fill, as a sentence; null when all are there.</summary>
    private static string? MissingMandatory(Application state)
    {
        if (!NumberPattern().IsMatch(state.Number))
        {
            return "numUnique: the number is missing or not 1–20 letters and digits";
        }

        if (!DeskPattern().IsMatch(state.RegisteringDesk))
        {
            return "numGuichet: the registering desk is missing or not 5 letters and digits";
        }

        if (!DepartementPattern().IsMatch(state.Departement))
        {
            return "departement: missing or not a département code";
        }

        if (state.FiledDate is null || state.FiledDate.Year == 0)
        {
            return "dateCreationDemande: the filing date is missing";
        }

        var typologies = state.Wishes?.Typologies ?? [];
        if (typologies.Count == 0 || typologies.Any(t => SneCodes.Of(t) is null))
        {
            return "listeTypeLogement: at least one typology with an SNE code is required";
        }

        var communes = state.Wishes?.CommuneCodes ?? [];
        if (communes.Count == 0 || communes.Any(c => !CommunePattern().IsMatch(c)))
        {
            return "listeLocalisationSouhaite: at least one wished commune as an INSEE code is required";
        }

        return null;
    }

    private static string NotExportedReason(ChangeKind kind) => kind switch
    {
        ChangeKind.Imported => "an imported application was created elsewhere (migration or the national registry): the national registry already holds it",
        ChangeKind.Proposed or ChangeKind.CalDecided or ChangeKind.Offered or ChangeKind.OfferAnswered =>
            "an attribution step is not an SNE file type; the lease reaches the national registry as the RADATT radiation",
        ChangeKind.Erased => "an erasure after the retention year: the national registry applies its own retention, and no data are left to send",
        _ => $"no national file type for {kind} in this version of the export",
    };

    private static ExportSkip Skip(Change change, string reason) =>
        new(change.ChangeSeq, change.Application, KindName(change.Kind), change.Kind is ChangeKind.Unmerged or ChangeKind.DeclaredDistinct
            ? ExportSkip.NotExpressible
            : ExportSkip.NotExported, reason);

    private static ExportSkip Unexpressible(Change change, string reason) =>
        new(change.ChangeSeq, change.Application, KindName(change.Kind), ExportSkip.NotExpressible, reason);

    private static string KindName(ChangeKind kind) =>
        ChangeFeedReflection.Descriptor.FindTypeByName<Google.Protobuf.Reflection.EnumDescriptor>("ChangeKind")?.FindValueByNumber((int)kind)?.Name ?? ((int)kind).ToString(System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex("^[0-9A-Z]{1,20}$")]
    private static partial Regex NumberPattern();

    [GeneratedRegex("^[0-9A-Z]{5}$")]
    private static partial Regex DeskPattern();

    [GeneratedRegex("^([0-9]{2}|2[AB]|97[1-8])$")]
    private static partial Regex DepartementPattern();

    [GeneratedRegex("^([0-9]{5}|2[AB][0-9]{3})$")]
    private static partial Regex CommunePattern();
}
