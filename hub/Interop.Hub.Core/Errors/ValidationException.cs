namespace Interop.Hub.Core.Errors;

/// <summary>Bad input: maps to INVALID_ARGUMENT with one field violation per problem.</summary>
public sealed class ValidationException : DomainException
{
    public ValidationException(IReadOnlyList<FieldViolation> violations, string reason = ErrorReasons.InvalidArgument)
        : base(reason, Describe(violations))
    {
        Violations = violations;
    }

    public ValidationException(string field, string description, string reason = ErrorReasons.InvalidArgument)
        : this([new FieldViolation(field, description)], reason)
    {
    }

    public IReadOnlyList<FieldViolation> Violations { get; }

    private static string Describe(IReadOnlyList<FieldViolation> violations) =>
        violations.Count == 1
            ? $"{violations[0].Field}: {violations[0].Description}"
            : $"{violations.Count} invalid fields: " + string.Join("; ", violations.Select(v => v.Field));
}
