using Interop.Hub.Core.Matching.Normalisation;

namespace Interop.Hub.Core.Matching.Scoring;

/// <summary>
/// Name shares from counts: the hub's stock of applications, or in batch mode the input itself.
/// </summary>
public sealed class NameFrequencies : INameFrequencies
{
    private readonly Dictionary<string, long> surnames;
    private readonly Dictionary<string, long> firstNames;
    private readonly double surnameTotal;
    private readonly double firstNameTotal;

    public NameFrequencies(IReadOnlyDictionary<string, long> surnameCounts, IReadOnlyDictionary<string, long> firstNameCounts)
    {
        surnames = new Dictionary<string, long>(surnameCounts, StringComparer.Ordinal);
        firstNames = new Dictionary<string, long>(firstNameCounts, StringComparer.Ordinal);
        surnameTotal = Math.Max(1, surnames.Values.Sum());
        firstNameTotal = Math.Max(1, firstNames.Values.Sum());
    }

    /// <summary>No counts: every name weighs the model's average.</summary>
    public static NameFrequencies None { get; } = new(new Dictionary<string, long>(), new Dictionary<string, long>());

    /// <summary>Counts the surnames (use and birth) and first first names of <paramref name="people"/>.</summary>
    public static NameFrequencies Count(IEnumerable<NormalizedIdentity> people)
    {
        var surnameCounts = new Dictionary<string, long>(StringComparer.Ordinal);
        var firstCounts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var person in people)
        {
            foreach (var form in person.Surnames)
            {
                surnameCounts[form.Core] = surnameCounts.GetValueOrDefault(form.Core) + 1;
            }

            if (person.FirstNames is { } names)
            {
                firstCounts[names.Primary] = firstCounts.GetValueOrDefault(names.Primary) + 1;
            }
        }

        return new NameFrequencies(surnameCounts, firstCounts);
    }

    public double SurnameShare(string surnameCore) =>
        surnames.TryGetValue(surnameCore, out var count) ? count / surnameTotal : 0;

    public double FirstNameShare(string firstName) =>
        firstNames.TryGetValue(firstName, out var count) ? count / firstNameTotal : 0;
}
