namespace Interop.Hub.Core.Cotation;

/// <summary>
/// A person in a named role confirmed that a criterion needing validation holds for an application
/// (a social worker for domestic violence, a desk for a proof).
/// </summary>
/// <param name="CriterionId">The criterion's id in the grid.</param>
/// <param name="Role">The role of the person who validated; must be the role the grid names.</param>
/// <param name="ValidatedBy">Who validated: an identifier of the staff member or service, not the applicant.</param>
/// <param name="ValidatedOn">The day of the validation; the criterion counts from that day.</param>
public sealed record CriterionValidation(string CriterionId, string Role, string ValidatedBy, DateOnly ValidatedOn);
