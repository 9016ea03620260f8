namespace Interop.Hub.Core.Errors;

/// <summary>One bad field of a request: its path in the contract (snake_case, dotted, with list indexes) and why.</summary>
public sealed record FieldViolation(string Field, string Description);
