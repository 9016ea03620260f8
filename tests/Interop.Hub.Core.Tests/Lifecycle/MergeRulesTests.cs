using Interop.Hub.Core.Applications;
using Interop.Hub.Core.Errors;
using Interop.Hub.Core.Lifecycle;

namespace Interop.Hub.Core.Tests.Lifecycle;

public sealed class MergeRulesTests
{
    private static ApplicationRecord Application(string number, DateOnly filed, string departement = "14") => new()
    {
        Number = number,
        Departement = departement,
        RegisteringDesk = "B0001",
        FiledDate = filed,
        ExpiryDate = filed.AddYears(1),
        Household = new Household(),
    };

    [Fact]
    public void Order_EarliestFilingSurvives_WhateverTheArgumentOrder()
    {
        var older = Application("B", new DateOnly(2025, 1, 10));
        var newer = Application("A", new DateOnly(2026, 2, 1));

        Assert.Equal("B", MergeRules.Order(newer, older).Survivor.Number);
        Assert.Equal("B", MergeRules.Order(older, newer).Survivor.Number);
    }

    [Fact]
    public void Order_SameFilingDate_SmallerNumberSurvives()
    {
        var day = new DateOnly(2026, 2, 1);

        Assert.Equal("A", MergeRules.Order(Application("B", day), Application("A", day)).Survivor.Number);
    }

    [Fact]
    public void AbsorbThenRestore_LinksToTheSurvivorAndBack()
    {
        var survivor = Application("A", new DateOnly(2025, 1, 10));
        var absorbed = MergeRules.Absorb(Application("B", new DateOnly(2026, 1, 10)), survivor);

        Assert.Equal(ApplicationStatus.Merged, absorbed.Status);
        Assert.Equal("A", absorbed.MergedInto);
        var restored = MergeRules.Restore(absorbed);
        Assert.Equal(ApplicationStatus.Active, restored.Status);
        Assert.Null(restored.MergedInto);
    }

    [Fact]
    public void Absorb_RadiatedOrOtherDepartement_IsAnIllegalTransition()
    {
        var survivor = Application("A", new DateOnly(2025, 1, 10));
        var radiated = Application("B", new DateOnly(2026, 1, 10)) with { Status = ApplicationStatus.Radiated };

        Assert.Equal(ErrorReasons.IllegalTransition, Assert.Throws<PreconditionException>(() => MergeRules.Absorb(radiated, survivor)).Reason);
        Assert.Throws<PreconditionException>(() => MergeRules.Absorb(Application("C", new DateOnly(2026, 1, 10), "61"), survivor));
        Assert.Throws<PreconditionException>(() => MergeRules.Restore(survivor));
    }
}
