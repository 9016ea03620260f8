namespace Interop.Hub.Core.Lifecycle;

/// <summary>
/// Who asks for a life-cycle step. The legal radiation reasons are split
/// between the two (domain §13.2): a registering organisation may record what
/// it witnessed itself (a renunciation, no answer to its letter), while the
/// reasons that follow from the registry's own facts (non-renewal,
/// a CAL's inadmissibility decision, a signed lease) are the hub's alone.
/// </summary>
public enum ActorKind
{
    /// <summary>A registering organisation calling the API for one of its desks.</summary>
    Organisation,

    /// <summary>The hub itself: its scheduled jobs and the attribution path.</summary>
    Hub,

    /// <summary>
    /// The national registry (SNE), reported by the national exchange job: a
    /// radiation decided elsewhere is a fact of the national file, recorded as
    /// it is, with any legal reason and without the checks the national side
    /// already made (warning letter, non-renewal timing).
    /// </summary>
    NationalRegistry,
}
