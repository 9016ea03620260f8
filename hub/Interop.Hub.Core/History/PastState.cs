using Interop.Hub.Core.Applications;

namespace Interop.Hub.Core.History;

/// <summary>What the history says of an application at one instant.</summary>
public enum PastStateKind
{
    /// <summary>It was not registered yet.</summary>
    NotYetRegistered,

    /// <summary>It existed, but its last change before the instant predates the recorded history.</summary>
    NotRecorded,

    /// <summary>Its state is known: <see cref="PastState.Application"/>.</summary>
    Known,
}

/// <summary>
/// An application as it stood at an instant. <see cref="Application"/> has no
/// household when it has been erased since (only <see cref="Facts"/> remain).
/// </summary>
public sealed record PastState(PastStateKind Kind, ApplicationRecord? Application, HistoryFacts? Facts);
