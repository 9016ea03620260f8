using Interop.Hub.Core.Applications;
using Interop.Hub.Core.Errors;
using Interop.Hub.Core.Lifecycle;

namespace Interop.Hub.Core.Tests.Lifecycle;

public class ApplicationLifecycleTests
{
    private const string Number = "014250314ABCDE00017";
    private const string Subject = "applications/" + Number;
    private const string Desk = "14ABC";

    // Filed 2024-03-10: expires 2025-03-10, renewal opens 2025-02-10,
    // non-renewal radiation due 2025-04-10, RADREN reactivable until 2025-09-10.
    private static readonly DateOnly Filed = new(2024, 3, 10);
    private static readonly DateOnly Expiry = new(2025, 3, 10);

    private static ApplicationRecord Active() =>
        ApplicationLifecycle.Register(Number, TestHouseholds.Departement, Desk, Filed, TestHouseholds.Valid());

    private static ApplicationRecord RadiatedFor(RadiationReason reason, DateOnly on, DateOnly? letter = null) =>
        Active() with
        {
            Status = ApplicationStatus.Radiated,
            Radiation = new Radiation(
                reason,
                on,
                letter,
                reason == RadiationReason.Inadmissibility ? InadmissibilityReason.IncomeAboveCeiling : InadmissibilityReason.Unspecified),
        };

    private static ApplicationRecord InStatus(ApplicationStatus status) => status switch
    {
        ApplicationStatus.Radiated => RadiatedFor(RadiationReason.Renunciation, new DateOnly(2024, 6, 1)),
        ApplicationStatus.Merged => Active() with { Status = ApplicationStatus.Merged, MergedInto = "014240114ABCDE00001" },
        ApplicationStatus.Erased => RadiatedFor(RadiationReason.Renunciation, new DateOnly(2023, 6, 1)) with { Status = ApplicationStatus.Erased, Household = null },
        _ => Active(),
    };

    private static PreconditionException AssertIllegal(Action act)
    {
        var e = Assert.Throws<PreconditionException>(act);
        Assert.Equal(ErrorReasons.IllegalTransition, e.Reason);
        Assert.Equal(Subject, e.Subject);
        return e;
    }

    private static void AssertInvalid(Action act, string field)
    {
        var e = Assert.Throws<ValidationException>(act);
        Assert.Equal(field, Assert.Single(e.Violations).Field);
    }

    // ---- dates ----

    [Fact]
    public void ExpiryFrom_AnyDate_IsOneYearLater() =>
        Assert.Equal(new DateOnly(2026, 6, 15), ApplicationLifecycle.ExpiryFrom(new DateOnly(2025, 6, 15)));

    [Fact]
    public void ExpiryFrom_LeapDay_IsLastDayOfFebruary() =>
        Assert.Equal(new DateOnly(2025, 2, 28), ApplicationLifecycle.ExpiryFrom(new DateOnly(2024, 2, 29)));

    [Fact]
    public void RenewalOpensOn_Active_IsOneMonthBeforeExpiry() =>
        Assert.Equal(new DateOnly(2025, 2, 10), ApplicationLifecycle.RenewalOpensOn(Active()));

    [Fact]
    public void NonRenewalRadiationDue_Active_IsOneMonthAfterExpiry() =>
        Assert.Equal(new DateOnly(2025, 4, 10), ApplicationLifecycle.NonRenewalRadiationDue(Active()));

    // ---- registration and import ----

    [Fact]
    public void Register_Today_IsActiveFiledTodayValidOneYear()
    {
        var household = TestHouseholds.Valid();

        var a = ApplicationLifecycle.Register(Number, "14", Desk, Filed, household);

        Assert.Equal(Number, a.Number);
        Assert.Equal("14", a.Departement);
        Assert.Equal(Desk, a.RegisteringDesk);
        Assert.Equal(ApplicationStatus.Active, a.Status);
        Assert.Equal(1, a.Revision);
        Assert.Equal(Filed, a.FiledDate);
        Assert.Null(a.LastRenewedDate);
        Assert.Equal(Expiry, a.ExpiryDate);
        Assert.Null(a.Radiation);
        Assert.Same(household, a.Household);
    }

    [Fact]
    public void Import_NeverRenewed_ExpiresOneYearAfterFiling()
    {
        var a = ApplicationLifecycle.Import("0140001", "14", Desk, Filed, null, TestHouseholds.Today, TestHouseholds.Valid());

        Assert.Equal(ApplicationStatus.Active, a.Status);
        Assert.Equal(1, a.Revision);
        Assert.Equal(Filed, a.FiledDate);
        Assert.Null(a.LastRenewedDate);
        Assert.Equal(Expiry, a.ExpiryDate);
    }

    [Fact]
    public void Import_Renewed_ExpiresOneYearAfterLastRenewalAndKeepsFiling()
    {
        var renewed = new DateOnly(2025, 2, 20);

        var a = ApplicationLifecycle.Import("0140001", "14", Desk, Filed, renewed, TestHouseholds.Today, TestHouseholds.Valid());

        Assert.Equal(Filed, a.FiledDate);
        Assert.Equal(renewed, a.LastRenewedDate);
        Assert.Equal(new DateOnly(2026, 2, 20), a.ExpiryDate);
    }

    [Fact]
    public void Import_LongExpired_IsActiveAndDueForNonRenewalRadiation()
    {
        var a = ApplicationLifecycle.Import("0140001", "14", Desk, new DateOnly(2020, 1, 1), null, TestHouseholds.Today, TestHouseholds.Valid());

        Assert.Equal(ApplicationStatus.Active, a.Status);
        Assert.True(ApplicationLifecycle.IsDueForNonRenewalRadiation(a, TestHouseholds.Today));
    }

    [Fact]
    public void Import_FiledInTheFuture_ThrowsValidationOnFiledDate() =>
        AssertInvalid(
            () => ApplicationLifecycle.Import("0140001", "14", Desk, TestHouseholds.Today.AddDays(1), null, TestHouseholds.Today, TestHouseholds.Valid()),
            "application.filed_date");

    [Fact]
    public void Import_RenewedBeforeFiling_ThrowsValidationOnLastRenewedDate() =>
        AssertInvalid(
            () => ApplicationLifecycle.Import("0140001", "14", Desk, Filed, Filed.AddDays(-1), TestHouseholds.Today, TestHouseholds.Valid()),
            "application.last_renewed_date");

    // ---- update ----

    [Fact]
    public void Update_Active_ReplacesHouseholdOnly()
    {
        var a = Active() with { Revision = 7 };
        var household = TestHouseholds.Valid() with { ReasonCodes = ["01"] };

        var updated = ApplicationLifecycle.Update(a, household);

        Assert.Same(household, updated.Household);
        Assert.Equal(a with { Household = household }, updated);
        Assert.Equal(7, updated.Revision);
    }

    [Theory]
    [InlineData(ApplicationStatus.Radiated)]
    [InlineData(ApplicationStatus.Merged)]
    [InlineData(ApplicationStatus.Erased)]
    public void Update_NotActive_ThrowsIllegalTransition(ApplicationStatus status)
    {
        var e = AssertIllegal(() => ApplicationLifecycle.Update(InStatus(status), TestHouseholds.Valid()));
        Assert.Contains("Only an active application can be updated", e.Message, StringComparison.Ordinal);
    }

    // ---- renewal ----

    [Fact]
    public void Renew_ExactlyOneMonthBeforeExpiry_RenewsForOneYearFromToday()
    {
        var a = Active() with { Revision = 3 };
        var today = new DateOnly(2025, 2, 10);

        var renewed = ApplicationLifecycle.Renew(a, today, null);

        Assert.Equal(ApplicationStatus.Active, renewed.Status);
        Assert.Equal(today, renewed.LastRenewedDate);
        Assert.Equal(new DateOnly(2026, 2, 10), renewed.ExpiryDate);
        Assert.Equal(Filed, renewed.FiledDate);
        Assert.Equal(Number, renewed.Number);
        Assert.Same(a.Household, renewed.Household);
        Assert.Equal(3, renewed.Revision);
    }

    [Fact]
    public void Renew_DayBeforeRenewalOpens_ThrowsIllegalTransitionSayingFromWhen()
    {
        var e = AssertIllegal(() => ApplicationLifecycle.Renew(Active(), new DateOnly(2025, 2, 9), null));

        Assert.Contains("2025-02-10", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Renew_AfterExpiryWhileStillActive_Renews()
    {
        var today = new DateOnly(2025, 4, 9);

        var renewed = ApplicationLifecycle.Renew(Active(), today, null);

        Assert.Equal(new DateOnly(2026, 4, 9), renewed.ExpiryDate);
    }

    [Fact]
    public void Renew_WithNewHousehold_ReplacesHousehold()
    {
        var household = TestHouseholds.Valid() with { CurrentHousing = HousingSituation.Shelter };

        var renewed = ApplicationLifecycle.Renew(Active(), new DateOnly(2025, 3, 1), household);

        Assert.Same(household, renewed.Household);
    }

    [Fact]
    public void Renew_Twice_NextWindowFollowsTheLastRenewal()
    {
        var renewed = ApplicationLifecycle.Renew(Active(), new DateOnly(2025, 3, 1), null);

        AssertIllegal(() => ApplicationLifecycle.Renew(renewed, new DateOnly(2026, 1, 31), null));
        var again = ApplicationLifecycle.Renew(renewed, new DateOnly(2026, 2, 1), null);

        Assert.Equal(new DateOnly(2027, 2, 1), again.ExpiryDate);
        Assert.Equal(Filed, again.FiledDate);
    }

    [Theory]
    [InlineData(ApplicationStatus.Radiated)]
    [InlineData(ApplicationStatus.Merged)]
    [InlineData(ApplicationStatus.Erased)]
    public void Renew_NotActive_ThrowsIllegalTransition(ApplicationStatus status) =>
        AssertIllegal(() => ApplicationLifecycle.Renew(InStatus(status), new DateOnly(2025, 3, 1), null));

    // ---- radiation: who ----

    [Fact]
    public void Radiate_OrganisationRenunciation_RadiatesTodayKeepingHousehold()
    {
        var a = Active() with { Revision = 4 };

        var r = ApplicationLifecycle.Radiate(a, RadiationReason.Renunciation, null, InadmissibilityReason.Unspecified, ActorKind.Organisation, TestHouseholds.Today);

        Assert.Equal(ApplicationStatus.Radiated, r.Status);
        Assert.Equal(new Radiation(RadiationReason.Renunciation, TestHouseholds.Today), r.Radiation);
        Assert.Same(a.Household, r.Household);
        Assert.Equal(a.ExpiryDate, r.ExpiryDate);
        Assert.Equal(4, r.Revision);
    }

    [Theory]
    [InlineData(RadiationReason.NotRenewed)]
    [InlineData(RadiationReason.Attribution)]
    [InlineData(RadiationReason.Inadmissibility)]
    public void Radiate_OrganisationWithHubReason_ThrowsIllegalTransition(RadiationReason reason)
    {
        var e = AssertIllegal(() => ApplicationLifecycle.Radiate(
            Active(), reason, null, InadmissibilityReason.IrregularResidence, ActorKind.Organisation, new DateOnly(2025, 6, 1)));

        Assert.Contains("renunciation (RADABA) or no answer", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RadiationReason.Renunciation)]
    [InlineData(RadiationReason.NoAnswer)]
    public void Radiate_HubWithOrganisationReason_ThrowsIllegalTransition(RadiationReason reason) =>
        AssertIllegal(() => ApplicationLifecycle.Radiate(
            Active(), reason, new DateOnly(2025, 1, 1), InadmissibilityReason.Unspecified, ActorKind.Hub, new DateOnly(2025, 6, 1)));

    [Theory]
    [InlineData(ActorKind.Organisation)]
    [InlineData(ActorKind.Hub)]
    public void Radiate_ReasonUnspecified_ThrowsValidationOnReason(ActorKind actor) =>
        AssertInvalid(
            () => ApplicationLifecycle.Radiate(Active(), RadiationReason.Unspecified, null, InadmissibilityReason.Unspecified, actor, TestHouseholds.Today),
            "reason");

    // ---- radiation decided by the national registry ----

    [Theory]
    [InlineData(RadiationReason.Attribution)]
    [InlineData(RadiationReason.Renunciation)]
    [InlineData(RadiationReason.NoAnswer)]
    [InlineData(RadiationReason.NotRenewed)]
    public void Radiate_NationalRegistry_RecordsTheNationalReasonAndDayWithoutTheHubsOwnChecks(RadiationReason reason)
    {
        // Before expiry and without a warning letter: the national side made its own checks.
        var day = new DateOnly(2024, 9, 1);

        var r = ApplicationLifecycle.Radiate(Active(), reason, null, InadmissibilityReason.Unspecified, ActorKind.NationalRegistry, day);

        Assert.Equal(new Radiation(reason, day), r.Radiation);
    }

    [Fact]
    public void Radiate_NationalRegistryInadmissibilityWithoutSubReason_ThrowsValidation() =>
        AssertInvalid(
            () => ApplicationLifecycle.Radiate(Active(), RadiationReason.Inadmissibility, null, InadmissibilityReason.Unspecified, ActorKind.NationalRegistry, TestHouseholds.Today),
            "inadmissibility_reason");

    [Fact]
    public void Radiate_NationalRegistryOfARadiatedApplication_ThrowsIllegalTransition() =>
        AssertIllegal(() => ApplicationLifecycle.Radiate(
            InStatus(ApplicationStatus.Radiated), RadiationReason.Attribution, null, InadmissibilityReason.Unspecified, ActorKind.NationalRegistry, TestHouseholds.Today));

    [Theory]
    [InlineData(ApplicationStatus.Radiated)]
    [InlineData(ApplicationStatus.Merged)]
    [InlineData(ApplicationStatus.Erased)]
    public void Radiate_NotActive_ThrowsIllegalTransition(ApplicationStatus status)
    {
        var e = AssertIllegal(() => ApplicationLifecycle.Radiate(
            InStatus(status), RadiationReason.Renunciation, null, InadmissibilityReason.Unspecified, ActorKind.Organisation, TestHouseholds.Today));

        Assert.Contains("Only an active application can be radiated", e.Message, StringComparison.Ordinal);
    }

    // ---- radiation: no answer (RADCON) ----

    [Fact]
    public void Radiate_NoAnswerExactlyOneMonthAfterLetter_RadiatesRecordingLetter()
    {
        var letter = new DateOnly(2025, 5, 15);

        var r = ApplicationLifecycle.Radiate(Active(), RadiationReason.NoAnswer, letter, InadmissibilityReason.Unspecified, ActorKind.Organisation, new DateOnly(2025, 6, 15));

        Assert.Equal(ApplicationStatus.Radiated, r.Status);
        Assert.Equal(new Radiation(RadiationReason.NoAnswer, new DateOnly(2025, 6, 15), letter), r.Radiation);
    }

    [Fact]
    public void Radiate_NoAnswerDayBeforeOneMonthAfterLetter_ThrowsIllegalTransitionSayingFromWhen()
    {
        var e = AssertIllegal(() => ApplicationLifecycle.Radiate(
            Active(), RadiationReason.NoAnswer, new DateOnly(2025, 5, 15), InadmissibilityReason.Unspecified, ActorKind.Organisation, new DateOnly(2025, 6, 14)));

        Assert.Contains("from 2025-06-15", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Radiate_NoAnswerLetterOnLastDayOfLongMonth_AllowedFromLastDayOfNextMonth()
    {
        var letter = new DateOnly(2025, 1, 31);

        AssertIllegal(() => ApplicationLifecycle.Radiate(Active(), RadiationReason.NoAnswer, letter, InadmissibilityReason.Unspecified, ActorKind.Organisation, new DateOnly(2025, 2, 27)));
        var r = ApplicationLifecycle.Radiate(Active(), RadiationReason.NoAnswer, letter, InadmissibilityReason.Unspecified, ActorKind.Organisation, new DateOnly(2025, 2, 28));

        Assert.Equal(ApplicationStatus.Radiated, r.Status);
    }

    [Fact]
    public void Radiate_NoAnswerWithoutLetter_ThrowsValidationOnWarningLetterDate() =>
        AssertInvalid(
            () => ApplicationLifecycle.Radiate(Active(), RadiationReason.NoAnswer, null, InadmissibilityReason.Unspecified, ActorKind.Organisation, TestHouseholds.Today),
            "warning_letter_date");

    [Fact]
    public void Radiate_NoAnswerLetterAfterToday_ThrowsValidationOnWarningLetterDate() =>
        AssertInvalid(
            () => ApplicationLifecycle.Radiate(Active(), RadiationReason.NoAnswer, TestHouseholds.Today.AddDays(1), InadmissibilityReason.Unspecified, ActorKind.Organisation, TestHouseholds.Today),
            "warning_letter_date");

    // ---- radiation: the hub's reasons ----

    [Fact]
    public void Radiate_NotRenewedExactlyOneMonthAfterExpiry_Radiates()
    {
        var r = ApplicationLifecycle.Radiate(Active(), RadiationReason.NotRenewed, null, InadmissibilityReason.Unspecified, ActorKind.Hub, new DateOnly(2025, 4, 10));

        Assert.Equal(new Radiation(RadiationReason.NotRenewed, new DateOnly(2025, 4, 10)), r.Radiation);
    }

    [Fact]
    public void Radiate_NotRenewedDayBeforeDue_ThrowsIllegalTransitionSayingFromWhen()
    {
        var e = AssertIllegal(() => ApplicationLifecycle.Radiate(
            Active(), RadiationReason.NotRenewed, null, InadmissibilityReason.Unspecified, ActorKind.Hub, new DateOnly(2025, 4, 9)));

        Assert.Contains("from 2025-04-10", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(InadmissibilityReason.IncomeAboveCeiling)]
    [InlineData(InadmissibilityReason.IrregularResidence)]
    public void Radiate_HubInadmissibilityWithSubReason_RecordsSubReason(InadmissibilityReason sub)
    {
        var r = ApplicationLifecycle.Radiate(Active(), RadiationReason.Inadmissibility, null, sub, ActorKind.Hub, TestHouseholds.Today);

        Assert.Equal(new Radiation(RadiationReason.Inadmissibility, TestHouseholds.Today, null, sub), r.Radiation);
    }

    [Fact]
    public void Radiate_HubInadmissibilityWithoutSubReason_ThrowsValidationOnInadmissibilityReason() =>
        AssertInvalid(
            () => ApplicationLifecycle.Radiate(Active(), RadiationReason.Inadmissibility, null, InadmissibilityReason.Unspecified, ActorKind.Hub, TestHouseholds.Today),
            "inadmissibility_reason");

    [Fact]
    public void Radiate_HubAttribution_RadiatesAnyDay()
    {
        var r = ApplicationLifecycle.Radiate(Active(), RadiationReason.Attribution, null, InadmissibilityReason.Unspecified, ActorKind.Hub, Filed);

        Assert.Equal(new Radiation(RadiationReason.Attribution, Filed), r.Radiation);
    }

    [Fact]
    public void Radiate_LetterOrSubReasonWithOtherReason_AreNotRecorded()
    {
        var r = ApplicationLifecycle.Radiate(
            Active(), RadiationReason.Renunciation, new DateOnly(2025, 1, 1), InadmissibilityReason.IrregularResidence, ActorKind.Organisation, TestHouseholds.Today);

        Assert.Equal(new Radiation(RadiationReason.Renunciation, TestHouseholds.Today), r.Radiation);
    }

    // ---- reactivation ----

    [Fact]
    public void Reactivate_NoAnswerOnLastDayOfFiveMonths_IsActiveAgain()
    {
        var radiated = RadiatedFor(RadiationReason.NoAnswer, new DateOnly(2024, 9, 1), new DateOnly(2024, 8, 1)) with { Revision = 5 };
        var today = new DateOnly(2025, 2, 1);

        var a = ApplicationLifecycle.Reactivate(radiated, today);

        Assert.Equal(ApplicationStatus.Active, a.Status);
        Assert.Null(a.Radiation);
        Assert.Equal(Filed, a.FiledDate);
        Assert.Null(a.LastRenewedDate);
        Assert.Equal(Expiry, a.ExpiryDate);
        Assert.Equal(Number, a.Number);
        Assert.Equal(5, a.Revision);
    }

    [Fact]
    public void Reactivate_NoAnswerDayAfterFiveMonths_ThrowsIllegalTransitionSayingUntilWhen()
    {
        var radiated = RadiatedFor(RadiationReason.NoAnswer, new DateOnly(2024, 9, 1), new DateOnly(2024, 8, 1));

        var e = AssertIllegal(() => ApplicationLifecycle.Reactivate(radiated, new DateOnly(2025, 2, 2)));

        Assert.Contains("until 2025-02-01", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reactivate_NoAnswerAfterExpiry_RenewsAsOfToday()
    {
        var radiated = RadiatedFor(RadiationReason.NoAnswer, new DateOnly(2025, 1, 20), new DateOnly(2024, 12, 15));
        var today = new DateOnly(2025, 3, 11);

        var a = ApplicationLifecycle.Reactivate(radiated, today);

        Assert.Equal(ApplicationStatus.Active, a.Status);
        Assert.Equal(today, a.LastRenewedDate);
        Assert.Equal(new DateOnly(2026, 3, 11), a.ExpiryDate);
        Assert.Equal(Filed, a.FiledDate);
    }

    [Fact]
    public void Reactivate_NoAnswerOnExpiryDay_KeepsValidity()
    {
        var radiated = RadiatedFor(RadiationReason.NoAnswer, new DateOnly(2025, 1, 20), new DateOnly(2024, 12, 15));

        var a = ApplicationLifecycle.Reactivate(radiated, Expiry);

        Assert.Null(a.LastRenewedDate);
        Assert.Equal(Expiry, a.ExpiryDate);
    }

    [Fact]
    public void Reactivate_NotRenewedOnLastDayOfEighteenMonths_IsActiveRenewedAsOfToday()
    {
        var radiated = RadiatedFor(RadiationReason.NotRenewed, new DateOnly(2025, 4, 10));
        var today = new DateOnly(2025, 9, 10);

        var a = ApplicationLifecycle.Reactivate(radiated, today);

        Assert.Equal(ApplicationStatus.Active, a.Status);
        Assert.Null(a.Radiation);
        Assert.Equal(Filed, a.FiledDate);
        Assert.Equal(today, a.LastRenewedDate);
        Assert.Equal(new DateOnly(2026, 9, 10), a.ExpiryDate);
    }

    [Fact]
    public void Reactivate_NotRenewedDayAfterEighteenMonths_ThrowsIllegalTransitionSayingUntilWhen()
    {
        var radiated = RadiatedFor(RadiationReason.NotRenewed, new DateOnly(2025, 4, 10));

        var e = AssertIllegal(() => ApplicationLifecycle.Reactivate(radiated, new DateOnly(2025, 9, 11)));

        Assert.Contains("until 2025-09-10", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reactivate_NotRenewedAfterRenewal_CountsFromLastRenewal()
    {
        var renewed = ApplicationLifecycle.Renew(Active(), new DateOnly(2025, 3, 1), null);
        var radiated = ApplicationLifecycle.Radiate(renewed, RadiationReason.NotRenewed, null, InadmissibilityReason.Unspecified, ActorKind.Hub, new DateOnly(2026, 4, 1));

        var a = ApplicationLifecycle.Reactivate(radiated, new DateOnly(2026, 9, 1));
        AssertIllegal(() => ApplicationLifecycle.Reactivate(radiated, new DateOnly(2026, 9, 2)));

        Assert.Equal(ApplicationStatus.Active, a.Status);
        Assert.Equal(Filed, a.FiledDate);
    }

    [Theory]
    [InlineData(RadiationReason.Renunciation)]
    [InlineData(RadiationReason.Attribution)]
    [InlineData(RadiationReason.Inadmissibility)]
    public void Reactivate_RadiatedForFinalReason_ThrowsIllegalTransitionEvenSameDay(RadiationReason reason)
    {
        var radiated = RadiatedFor(reason, TestHouseholds.Today);

        var e = AssertIllegal(() => ApplicationLifecycle.Reactivate(radiated, TestHouseholds.Today));

        Assert.Contains("cannot be reactivated", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ApplicationStatus.Active)]
    [InlineData(ApplicationStatus.Merged)]
    [InlineData(ApplicationStatus.Erased)]
    public void Reactivate_NotRadiated_ThrowsIllegalTransition(ApplicationStatus status)
    {
        var e = AssertIllegal(() => ApplicationLifecycle.Reactivate(InStatus(status), TestHouseholds.Today));

        Assert.Contains("Only an application radiated", e.Message, StringComparison.Ordinal);
    }

    // ---- the renewal job ----

    [Fact]
    public void IsDueForNonRenewalRadiation_DayBeforeDue_IsFalse() =>
        Assert.False(ApplicationLifecycle.IsDueForNonRenewalRadiation(Active(), new DateOnly(2025, 4, 9)));

    [Fact]
    public void IsDueForNonRenewalRadiation_OnDueDate_IsTrue() =>
        Assert.True(ApplicationLifecycle.IsDueForNonRenewalRadiation(Active(), new DateOnly(2025, 4, 10)));

    [Theory]
    [InlineData(ApplicationStatus.Radiated)]
    [InlineData(ApplicationStatus.Merged)]
    [InlineData(ApplicationStatus.Erased)]
    public void IsDueForNonRenewalRadiation_NotActive_IsFalse(ApplicationStatus status) =>
        Assert.False(ApplicationLifecycle.IsDueForNonRenewalRadiation(InStatus(status), new DateOnly(2030, 1, 1)));
}
