using Interop.Hub.Core.Errors;

namespace Interop.Hub.Core.Validation;

/// <summary>
/// Collects every bad field of a request before refusing it, so that a caller
/// fixes all its mistakes in one round trip instead of discovering them one
/// rejection at a time.
/// </summary>
/// <remarks>
/// A refusal travels in the response's trailers, which HTTP/2 peers bound
/// (the .NET client reads at most 64 KiB of headers): a request with thousands
/// of bad list elements would otherwise get a status too large to deliver,
/// which the client sees as a broken call. So at most <see cref="MaxListed"/>
/// violations are listed, the last one saying how many more there were, and
/// values are echoed through <see cref="Quote"/>.
/// </remarks>
public sealed class Violations
{
    /// <summary>The most violations one refusal lists.</summary>
    public const int MaxListed = 50;

    /// <summary>The most characters of a caller's value a description repeats.</summary>
    public const int MaxQuoted = 40;

    private readonly List<FieldViolation> _all = [];
    private int _unlisted;

    /// <summary>Everything found so far, in the order found (at most <see cref="MaxListed"/>).</summary>
    public IReadOnlyList<FieldViolation> All => _all;

    public bool Any => _all.Count > 0;

    /// <param name="field">The contract's snake_case path, dotted, with list indexes: <c>application.applicant.first_names[0]</c>.</param>
    /// <param name="description">Why the value is refused, in plain English.</param>
    public void Add(string field, string description)
    {
        if (_all.Count < MaxListed)
        {
            _all.Add(new FieldViolation(field, description));
        }
        else
        {
            _unlisted++;
        }
    }

    /// <summary>
    /// A caller's value as a description may repeat it: quoted, at most
    /// <see cref="MaxQuoted"/> characters, control characters shown as <c>?</c>.
    /// </summary>
    public static string Quote(string? value)
    {
        var text = value ?? "";
        var shown = text.Length <= MaxQuoted ? text : string.Concat(text.AsSpan(0, MaxQuoted), "…");
        return "'" + string.Concat(shown.Select(ch => char.IsControl(ch) || char.IsSurrogate(ch) ? '?' : ch)) + "'";
    }

    /// <summary>Refuses the request with all violations at once, if there are any.</summary>
    /// <exception cref="ValidationException">At least one violation was added.</exception>
    public void ThrowIfAny()
    {
        if (!Any)
        {
            return;
        }

        var listed = _all.ToList();
        if (_unlisted > 0)
        {
            listed.Add(new FieldViolation(listed[^1].Field, $"and {_unlisted} more violations not listed; fix these and send again."));
        }

        throw new ValidationException(listed);
    }
}
