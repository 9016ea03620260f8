using Interop.Hub.Core.Matching;

namespace Interop.Hub.Core.Tests.Matching.Blocking;

public class BlockingKeyBuilderTests
{
    private static readonly Matcher Matcher = new();

    private static IReadOnlyList<string> Keys(PersonIdentity person) => Matcher.BlockingKeys(Matcher.Prepare(person));

    private static bool ShareAKey(PersonIdentity a, PersonIdentity b) => Keys(a).Intersect(Keys(b)).Any();

    [Fact]
    public void For_DayAndMonthSwapped_KeepsTheBirthDateKey() =>
        Assert.Contains(Keys(People.Sophie() with { BirthDate = "1984-07-03" }).First(k => k.StartsWith("BD:", StringComparison.Ordinal)), Keys(People.Sophie()));

    [Fact]
    public void For_MarriedWoman_IsIndexedUnderBothNames()
    {
        var keys = Keys(People.Sophie() with { LastName = "Durand", BirthName = "Lefrançois" });
        Assert.Contains(keys, k => k.StartsWith("SY:LFRNK", StringComparison.Ordinal));
        Assert.Contains(keys, k => k.StartsWith("SY:DRN", StringComparison.Ordinal));
    }

    [Fact]
    public void For_SwappedNamesAndBirthDateTypo_StillShareAKey() =>
        Assert.True(ShareAKey(People.Sophie(), People.Sophie("B") with { LastName = "Sophie", FirstNames = ["Lefrançois"], BirthDate = "1984-03-09" }));

    [Fact]
    public void For_Nir_IsAKey() => Assert.Contains("NIR:284031411800012", Keys(People.Sophie() with { Nir = "2 84 03 14 118 000 12" }));

    [Fact]
    public void For_SurnameAndFirstNameTypos_ShareTheBirthDateKey() =>
        Assert.True(ShareAKey(People.Sophie(), People.Sophie("B") with { LastName = "Lefransois", FirstNames = ["Sofie"] }));

    [Fact]
    public void For_UnrelatedPeople_ShareNoKey() =>
        Assert.False(ShareAKey(People.Sophie(), People.Named("B", "Bernard", "Lucas", "M", "2001-12-30")));
}
