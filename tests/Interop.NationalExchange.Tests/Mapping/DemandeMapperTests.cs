using Google.Protobuf.WellKnownTypes;
using Interop.Contracts.V1;
using Interop.NationalExchange.Export;
using Interop.NationalExchange.Mapping;
using Interop.Testing;

namespace Interop.NationalExchange.Tests.Mapping;

public sealed class DemandeMapperTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    [Theory]
    [InlineData(ChangeKind.Registered, "CRE")]
    [InlineData(ChangeKind.Updated, "MOD")]
    [InlineData(ChangeKind.Renewed, "REN")]
    public void Map_LifeCycleKinds_GiveTheirNationalType(ChangeKind kind, string expected)
    {
        var (demande, skip) = DemandeMapper.Map(Change(kind, State()), Paris);

        Assert.Null(skip);
        Assert.Equal(expected, demande!.TypeFichier);
        Assert.Null(demande.Motif);
    }

    [Fact]
    public void Map_AReactivation_IsARadiationWithAnEmptyReason()
    {
        var (demande, _) = DemandeMapper.Map(Change(ChangeKind.Reactivated, State()), Paris);

        Assert.Equal("RAD", demande!.TypeFichier);
        Assert.Equal("", demande.Motif);
    }

    [Fact]
    public void Map_AnInadmissibility_CarriesItsSubReason()
    {
        var state = State();
        state.Status = ApplicationStatus.Radiated;
        state.Radiation = new Radiation { Reason = RadiationReason.Inadmissibility, InadmissibilityReason = InadmissibilityReason.IrregularResidence };

        var (demande, _) = DemandeMapper.Map(Change(ChangeKind.Radiated, state), Paris);

        Assert.Equal(("RAD", "RADIRR", "IRRSEJ"), (demande!.TypeFichier, demande.Motif, demande.SousMotif));
    }

    [Fact]
    public void Map_AMerge_IsASuppressionNamingTheTarget()
    {
        var state = State();
        state.Status = ApplicationStatus.Merged;
        state.MergedInto = "applications/0142603B000200001K";

        var (demande, _) = DemandeMapper.Map(Change(ChangeKind.Merged, state), Paris);

        Assert.Equal(("SUP", "0142603B000200001K"), (demande!.TypeFichier, demande.FusionCible));
    }

    [Theory]
    [InlineData(ChangeKind.Proposed)]
    [InlineData(ChangeKind.CalDecided)]
    [InlineData(ChangeKind.Offered)]
    [InlineData(ChangeKind.OfferAnswered)]
    [InlineData(ChangeKind.Imported)]
    public void Map_AttributionStepsAndImports_AreSkippedAsNotExported(ChangeKind kind)
    {
        var (demande, skip) = DemandeMapper.Map(Change(kind, State()), Paris);

        Assert.Null(demande);
        Assert.Equal(ExportSkip.NotExported, skip!.Category);
        Assert.Equal(7, skip.ChangeSeq);
    }

    [Fact]
    public void Map_ARadiationWhoseStateIsActiveAgain_IsReportedAsNotExpressible()
    {
        var (demande, skip) = DemandeMapper.Map(Change(ChangeKind.Radiated, State()), Paris);

        Assert.Null(demande);
        Assert.Equal(ExportSkip.NotExpressible, skip!.Category);
        Assert.Contains("no longer radiated", skip.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_AnUpdateOfErasedData_IsReportedAsNotExpressible()
    {
        var (demande, skip) = DemandeMapper.Map(Change(ChangeKind.Updated, null), Paris);

        Assert.Null(demande);
        Assert.Equal(ExportSkip.NotExpressible, skip!.Category);
        Assert.Contains("erased", skip.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_AStateWithoutAWishedCommune_IsReportedNamingTheMandatoryElement()
    {
        var state = State();
        state.Wishes.CommuneCodes.Clear();

        var (demande, skip) = DemandeMapper.Map(Change(ChangeKind.Registered, state), Paris);

        Assert.Null(demande);
        Assert.StartsWith("listeLocalisationSouhaite", skip!.Reason, StringComparison.Ordinal);
        Assert.Equal("CHANGE_KIND_REGISTERED", skip.Kind);
    }

    [Fact]
    public void Map_TheEventDate_IsTheDayInFrenchTime()
    {
        var change = Change(ChangeKind.Registered, State());
        change.ChangeTime = Timestamp.FromDateTimeOffset(new DateTimeOffset(2027, 2, 13, 23, 30, 0, TimeSpan.Zero));

        var (demande, _) = DemandeMapper.Map(change, Paris);

        Assert.Equal(new DateOnly(2027, 2, 14), demande!.DateEvenement);
    }

    private static Application State()
    {
        var state = TestApplications.Valid();
        state.Number = "0142603B000100001X";
        state.Name = "applications/" + state.Number;
        state.Status = ApplicationStatus.Active;
        state.RegisteringDesk = "B0001";
        state.FiledDate = new Google.Type.Date { Year = 2026, Month = 3, Day = 10 };
        return state;
    }

    private static Change Change(ChangeKind kind, Application? state) => new()
    {
        ChangeId = Guid.NewGuid().ToString(),
        ChangeSeq = 7,
        Kind = kind,
        Application = "applications/0142603B000100001X",
        Revision = 2,
        ChangeTime = Timestamp.FromDateTimeOffset(new DateTimeOffset(2027, 2, 13, 9, 0, 0, TimeSpan.Zero)),
        ApplicationState = state,
    };
}
