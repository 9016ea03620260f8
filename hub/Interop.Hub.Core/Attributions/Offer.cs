namespace Interop.Hub.Core.Attributions;

/// <summary>An offer of the dwelling and, once recorded, the household's answer.</summary>
public sealed record Offer(
    DateOnly OfferDate,
    DateOnly ResponseDeadline,
    OfferAnswer Answer = OfferAnswer.Unspecified,
    DateOnly? AnswerDate = null,
    string? RefusalReason = null);
