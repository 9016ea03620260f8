using Interop.Hub.Core.Matching.Normalisation;

namespace Interop.Hub.Core.Matching;

/// <summary>
/// A person ready to be compared by one <see cref="Matcher"/>: normalised, with the shares of its
/// names looked up once. Obtain it from <see cref="Matcher.Prepare(PersonIdentity)"/>.
/// </summary>
public sealed class PreparedIdentity
{
    internal PreparedIdentity(NormalizedIdentity normalized, double useNameShare, double birthNameShare, double firstNameShare)
    {
        Normalized = normalized;
        UseNameShare = useNameShare;
        BirthNameShare = birthNameShare;
        FirstNameShare = firstNameShare;
    }

    public string Id => Normalized.Id;

    public NormalizedIdentity Normalized { get; }

    internal double UseNameShare { get; }

    internal double BirthNameShare { get; }

    internal double FirstNameShare { get; }

    internal double ShareOf(Normalisation.NameForm? form) =>
        form is null ? 0 : ReferenceEquals(form, Normalized.BirthName) ? BirthNameShare : UseNameShare;
}
