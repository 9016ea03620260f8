namespace Interop.Hub.Core.Cotation.Outlook;

/// <summary>An application with the validations recorded for it with the grid being used.</summary>
public sealed record ScoredCandidate(CotationSubject Subject, IReadOnlyCollection<CriterionValidation> Validations);
