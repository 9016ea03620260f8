using Interop.Hub.Core.Validation;

namespace Interop.Hub.Attributions;

/// <summary>A proposal's resource name: <c>applications/{number}/proposals/{proposal_id}</c>.</summary>
internal sealed record ProposalName(string Number, Guid Id)
{
    private const string Collection = "/proposals/";

    public override string ToString() => Format(Number, Id);

    public static string Format(string number, Guid id) => $"applications/{number}{Collection}{id}";

    /// <summary>Checks a required proposal name in <paramref name="field"/>; null when it is missing or malformed.</summary>
    public static ProposalName? Parse(string? name, string field, Violations violations)
    {
        ArgumentNullException.ThrowIfNull(violations);
        var at = name?.IndexOf(Collection, StringComparison.Ordinal) ?? -1;
        if (string.IsNullOrEmpty(name))
        {
            violations.Add(field, "is required: applications/{number}/proposals/{proposal_id}.");
            return null;
        }

        if (at < 0
            || !RequestRules.TryParseApplicationName(name[..at], out var number)
            || !Guid.TryParseExact(name[(at + Collection.Length)..], "D", out var id))
        {
            violations.Add(field, "must be applications/{number}/proposals/{proposal_id}, as the hub named the proposal.");
            return null;
        }

        return new ProposalName(number, id);
    }
}
