namespace Interop.Hub.Storage.Cotation;

/// <summary>A row of <c>cotation_validations</c>.</summary>
public sealed class ValidationRow
{
    public string ApplicationNumber { get; init; } = "";
    public string GridId { get; init; } = "";
    public string CriterionId { get; init; } = "";
    public string Role { get; init; } = "";
    public string ValidatedBy { get; init; } = "";
    public DateOnly ValidatedOn { get; init; }
    public string RecorderId { get; init; } = "";
    public DateTime RecordedAt { get; init; }
}
