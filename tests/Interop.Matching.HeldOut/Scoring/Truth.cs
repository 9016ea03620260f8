using System.Globalization;
using System.Text;
using Interop.Matching.HeldOut.Population;
using Interop.Matching.HeldOut.Records;

namespace Interop.Matching.HeldOut.Scoring;

/// <summary>The true pairs of the set (every two applications of one person) and the hard negatives between people.</summary>
internal sealed class Truth
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly Dictionary<(int, int), RelationKind> _relations = [];

    public Truth(HeldOutSet set)
    {
        Set = set;
        for (var i = 0; i < set.Records.Count; i++)
        {
            _index[set.Records[i].RecordId] = i;
        }

        foreach (var group in Enumerable.Range(0, set.Records.Count).GroupBy(i => set.Records[i].PersonId))
        {
            var members = group.ToList();
            for (var a = 0; a < members.Count; a++)
            {
                for (var b = a + 1; b < members.Count; b++)
                {
                    TruePairs.Add(Key(members[a], members[b]));
                }
            }
        }

        foreach (var relation in set.Relations)
        {
            _relations[Ordered(relation.PersonA, relation.PersonB)] = relation.Kind;
        }
    }

    public HeldOutSet Set { get; }

    public HashSet<(int, int)> TruePairs { get; } = [];

    public (int, int) Key(string left, string right) => Key(_index[left], _index[right]);

    public static (int, int) Key(int a, int b) => Ordered(a, b);

    public bool IsTrue((int A, int B) pair) => TruePairs.Contains(pair);

    public Score Evaluate(string label, IReadOnlyCollection<(int, int)> links) =>
        new(label, links.Count, links.Count(TruePairs.Contains), TruePairs.Count);

    /// <summary>Why two different people were linked: the hard negative they were built as, or what they share by chance.</summary>
    public string WrongLinkKind((int A, int B) pair)
    {
        var a = Set.People[Set.Records[pair.A].PersonId - 1];
        var b = Set.People[Set.Records[pair.B].PersonId - 1];
        if (_relations.TryGetValue(Ordered(a.Id, b.Id), out var kind))
        {
            return Label(kind);
        }

        if (a.UseSurname == b.UseSurname && a.FirstNames.SequenceEqual(b.FirstNames))
        {
            return "namesakes by chance (same names, otherwise unrelated)";
        }

        if (a.Contacts.Home == b.Contacts.Home || a.Contacts.Email == b.Contacts.Email || a.Contacts.Phone == b.Contacts.Phone)
        {
            return "other people sharing a home or contacts";
        }

        return "other";
    }

    /// <summary>Record pairs between the two people of each hard negative: how many chances the matcher had to go wrong.</summary>
    public Dictionary<string, int> NegativePairs() => Set.Relations
        .GroupBy(r => Label(r.Kind))
        .ToDictionary(g => g.Key, g => g.Sum(r => Set.People[r.PersonA - 1].Applications * Set.People[r.PersonB - 1].Applications), StringComparer.Ordinal);

    public static string Label(RelationKind kind) => kind switch
    {
        RelationKind.Namesake => "namesakes (same names and birth year, other day, month and birth place)",
        RelationKind.Twin => "twins (same birth date and surname, other first name)",
        RelationKind.ParentChild => "parent and child with the same names",
        RelationKind.Spouse => "spouses sharing contacts",
        _ => kind.ToString(),
    };

    /// <summary>The plain national rule: same last name, first names and birth date, compared as typed (case, accents and spaces aside).</summary>
    public List<(int, int)> PlainRule()
    {
        var links = new List<(int, int)>();
        var groups = Enumerable.Range(0, Set.Records.Count)
            .Select(i => (i, r: Set.Records[i]))
            .Where(x => x.r.LastName.Length > 0 && x.r.FirstNames.Length > 0 && x.r.BirthDate.Length > 0)
            .GroupBy(x => $"{Plain(x.r.LastName)}|{Plain(x.r.FirstNames)}|{x.r.BirthDate}", StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var members = group.Select(x => x.i).ToList();
            for (var a = 0; a < members.Count; a++)
            {
                for (var b = a + 1; b < members.Count; b++)
                {
                    links.Add(Key(members[a], members[b]));
                }
            }
        }

        return links;
    }

    private static string Plain(string text) =>
        string.Join(' ', Spelling.RemoveAccents(text).ToUpper(CultureInfo.InvariantCulture).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Normalize(NormalizationForm.FormC);

    private static (int, int) Ordered(int a, int b) => a < b ? (a, b) : (b, a);
}
