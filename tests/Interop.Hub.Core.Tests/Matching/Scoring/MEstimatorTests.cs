using Interop.Hub.Core.Matching;
using Interop.Hub.Core.Matching.Scoring;

namespace Interop.Hub.Core.Tests.Matching.Scoring;

public class MEstimatorTests
{
    private static readonly Matcher Matcher = new();

    [Fact]
    public void Estimate_NoCandidates_KeepsTheHandSetM() =>
        Assert.Equal(
            MatchModel.Default.M(MatchField.Surname, MatchLevel.Different),
            MEstimator.Estimate(Matcher, []).M(MatchField.Surname, MatchLevel.Different));

    [Fact]
    public void Estimate_FileWhereMarriedNamesAbound_RaisesMOfADifferentSurname()
    {
        // One woman in two registered again under a new use name, everything else typed the same:
        // in this stock a different surname says much less than the hand-set 2 %.
        var pairs = Enumerable.Range(0, 400)
            .Select(i => (Woman(i, "Lefrançois"), Woman(i, i % 2 == 0 ? "Lefrançois" : "Durand")))
            .Select(p => (Matcher.Prepare(p.Item1), Matcher.Prepare(p.Item2)));
        var estimated = MEstimator.Estimate(Matcher, pairs);
        Assert.InRange(estimated.M(MatchField.Surname, MatchLevel.Different), 0.3, 0.5);
        Assert.True(estimated.Weight(MatchField.Surname, MatchLevel.Different) > MatchModel.Default.Weight(MatchField.Surname, MatchLevel.Different));
    }

    [Fact]
    public void Estimate_ParentAndChildWithTheSameNames_DoNotTeachThatBirthDatesDiffer()
    {
        // Same names and address, birth dates thirty years apart: vetoed, so never evidence of how one person's dates vary.
        var pairs = Enumerable.Range(0, 400)
            .Select(i => (Woman(i, "Lefrançois"), Woman(i, "Lefrançois") with { BirthDate = "1956-11-20", Nir = "" }))
            .Select(p => (Matcher.Prepare(p.Item1), Matcher.Prepare(p.Item2)));
        var estimated = MEstimator.Estimate(Matcher, pairs);
        Assert.Equal(MatchModel.Default.M(MatchField.BirthDate, MatchLevel.Different), estimated.M(MatchField.BirthDate, MatchLevel.Different), 6);
    }

    private static PersonIdentity Woman(int i, string lastName) => People.Sophie($"{i}-{lastName}") with
    {
        LastName = lastName,
        FirstNames = ["Sophie", "Marie"],
        Nir = $"28403141180{i:D2}",
        Email = $"sophie{i}@example.fr",
    };
}
