using Interop.Hub.Core.Applications;

namespace Interop.Hub.Core.Cotation.WhatIf;

/// <summary>The priority class a what-if report groups by: DALO first, then the priority publics of L441-1, then none.</summary>
public enum PriorityClass
{
    None = 0,
    PriorityPublic = 1,
    Dalo = 2,
}

/// <summary>How an application falls into a <see cref="PriorityClass"/> and how the report spells it.</summary>
public static class PriorityClasses
{
    public static PriorityClass Of(Household household) =>
        household.Priority.DaloStatus == DaloStatus.Active ? PriorityClass.Dalo
        : household.Priority.PriorityPublic ? PriorityClass.PriorityPublic
        : PriorityClass.None;

    public static string Code(PriorityClass priority) => priority switch
    {
        PriorityClass.Dalo => "dalo",
        PriorityClass.PriorityPublic => "prioritaire",
        _ => "aucune",
    };
}
