namespace Interop.Hub.Core.Errors;

/// <summary>
/// The household already has an active application in the département: maps
/// to ALREADY_EXISTS naming the existing number(s), so the desk records the
/// request under that number (domain §1.3, §13.3).
/// </summary>
public sealed class DuplicateApplicationException(IReadOnlyList<string> existingNumbers, IReadOnlyList<string> explanations)
    : DomainException(
        ErrorReasons.DuplicateApplication,
        $"This household already has an active application in the département: {string.Join(", ", existingNumbers.Select(n => "applications/" + n))}. Record the request under that number.")
{
    public IReadOnlyList<string> ExistingNumbers { get; } = existingNumbers;

    /// <summary>One per existing number: the match explanation the caller may read.</summary>
    public IReadOnlyList<string> Explanations { get; } = explanations;
}
