namespace Interop.Hub.Core.Cotation.Scoring;

/// <summary>What became of one explanation line's points.</summary>
public enum LineStatus
{
    /// <summary>The criterion is met and its points count.</summary>
    Counted = 1,

    /// <summary>Met, but a higher criterion of the same « highest only » rubric counts instead.</summary>
    NotRetained = 2,

    /// <summary>Met by the application's data, but it still needs validation by the grid's named role.</summary>
    AwaitingValidation = 3,

    /// <summary>The application lacks a fact the criterion needs (current rent, rooms).</summary>
    NotEvaluated = 4,

    /// <summary>A rubric's or the grid's cap took points off (the line's points are negative).</summary>
    Capped = 5,
}
