using Interop.Hub.Core.Matching;
using Interop.Hub.Core.Matching.Blocking;

namespace Interop.Hub.Core.Tests.Matching.Blocking;

public class BlockingKeyBuilderLockKeysTests
{
    private static readonly Matcher Matcher = new();

    private static PersonIdentity WithContacts(PersonIdentity person) => person with { Email = "foyer@example.fr", Phone = "06 12 34 56 78" };

    private static IReadOnlyList<string> LockKeys(PersonIdentity person) => BlockingKeyBuilder.LockKeysFor(Matcher.Normalizer.Normalize(person));

    private static IReadOnlyList<string> Keys(PersonIdentity person) => BlockingKeyBuilder.For(Matcher.Normalizer.Normalize(person));

    [Fact]
    public void LockKeysFor_PersonWithContacts_IsEveryKeyButTheContactOnes()
    {
        var person = WithContacts(People.Sophie() with { Nir = "2 84 03 14 118 000 12" });

        Assert.Contains(Keys(person), k => k.StartsWith("EM:", StringComparison.Ordinal));
        Assert.Contains(Keys(person), k => k.StartsWith("PH:", StringComparison.Ordinal));
        Assert.Equal(Keys(person).Where(k => !k.StartsWith("EM:", StringComparison.Ordinal) && !k.StartsWith("PH:", StringComparison.Ordinal)), LockKeys(person));
        Assert.Contains("NIR:284031411800012", LockKeys(person));
    }

    [Fact]
    public void LockKeysFor_FamilySharingAPhoneAndEmail_TakeNoCommonLock() =>
        Assert.Empty(LockKeys(WithContacts(People.Sophie())).Intersect(LockKeys(WithContacts(People.Named("B", "Bernard", "Lucas", "M", "2001-12-30")))));

    [Fact]
    public void LockKeysFor_TheSamePersonTypedAgain_TakeACommonLock() =>
        Assert.NotEmpty(LockKeys(People.Sophie()).Intersect(LockKeys(People.Sophie("B") with { LastName = "Lefransois", FirstNames = ["Sofie"] })));
}
