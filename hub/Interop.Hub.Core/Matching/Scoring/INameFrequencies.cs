namespace Interop.Hub.Core.Matching.Scoring;

/// <summary>
/// How common a name is among the people being matched: the share of people bearing it (0 when
/// unknown). Agreeing on "MARTIN" proves less than agreeing on "LEFRANCOIS". Keys are the
/// normalised forms (<see cref="Normalisation.NameForm.Core"/> for surnames,
/// <see cref="Normalisation.FirstNameSet.Primary"/> for first names).
/// </summary>
public interface INameFrequencies
{
    double SurnameShare(string surnameCore);

    double FirstNameShare(string firstName);
}
