using Interop.Hub.Core.Errors;

namespace Interop.Hub.Core.Validation;

/// <summary>
/// Collects every bad field of a request before refusing it, so that a caller
/// fixes all its mistakes in one round trip instead of discovering them one
/// rejection at a time.
/// </summary>
public sealed class Violations
{
    private readonly List<FieldViolation> _all = [];

    /// <summary>Everything found so far, in the order found.</summary>
    public IReadOnlyList<FieldViolation> All => _all;

    public bool Any => _all.Count > 0;

    /// <param name="field">The contract's snake_case path, dotted, with list indexes: <c>application.applicant.first_names[0]</c>.</param>
    /// <param name="description">Why the value is refused, in plain English.</param>
    public void Add(string field, string description) => _all.Add(new FieldViolation(field, description));

    /// <summary>Refuses the request with all violations at once, if there are any.</summary>
    /// <exception cref="ValidationException">At least one violation was added.</exception>
    public void ThrowIfAny()
    {
        if (Any)
        {
            throw new ValidationException(_all.ToArray());
        }
    }
}
