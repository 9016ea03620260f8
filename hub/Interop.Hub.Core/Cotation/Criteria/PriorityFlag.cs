namespace Interop.Hub.Core.Cotation.Criteria;

/// <summary>The priority flags an application carries (domain.md §4.3, L441-1 CCH).</summary>
public enum PriorityFlag
{
    /// <summary>DALO status « actif » (grid name <c>daloActive</c>).</summary>
    DaloActive = 1,

    /// <summary>Priority public of L441-1 (grid name <c>priorityPublic</c>).</summary>
    PriorityPublic = 2,
}
