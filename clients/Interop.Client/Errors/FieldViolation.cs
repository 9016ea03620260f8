namespace Interop.Client;

/// <summary>One bad field of a request.</summary>
/// <param name="Field">The field's snake_case path, e.g. <c>application.household_members[1].birth_date</c>.</param>
/// <param name="Description">What is wrong with it, in words for a person.</param>
public sealed record FieldViolation(string Field, string Description);
