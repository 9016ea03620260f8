namespace Interop.Hub.Core.Cotation.Criteria;

public enum ConditionState
{
    NotMet = 0,
    Met = 1,

    /// <summary>The application lacks a fact the condition needs (current rent, rooms): not counted, said so.</summary>
    Unknown = 2,
}
