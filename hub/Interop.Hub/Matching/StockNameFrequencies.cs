using Interop.Hub.Core.Matching.Scoring;

namespace Interop.Hub.Matching;

/// <summary>
/// Name shares from the hub's own stock. Below <see cref="MinimumPeople"/>
/// people counted, every share is "unknown" and the model's average weights
/// apply: in a territory that has just joined, a name seen once is not a rare
/// name, and treating it as one would make the matcher over-confident.
/// </summary>
internal sealed class StockNameFrequencies(
    IReadOnlyDictionary<string, long> surnames, IReadOnlyDictionary<string, long> firstNames, long people) : INameFrequencies
{
    public const long MinimumPeople = 10_000;

    public double SurnameShare(string surnameCore) => Share(surnames, surnameCore);

    public double FirstNameShare(string firstName) => Share(firstNames, firstName);

    private double Share(IReadOnlyDictionary<string, long> counts, string name) =>
        people >= MinimumPeople && counts.TryGetValue(name, out var count) ? (double)count / people : 0;
}
