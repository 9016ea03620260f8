using Interop.Hub.Core.Errors;

namespace Interop.Hub.Applications;

/// <summary>What became of one registration of a batch (<see cref="ApplicationRegistrar.RegisterManyAsync"/>).</summary>
internal abstract record RegistrationOutcome
{
    private RegistrationOutcome()
    {
    }

    /// <summary>Registered in the batch's transaction.</summary>
    public sealed record Registered(RegisteredApplication Application) : RegistrationOutcome;

    /// <summary>Refused as the same registration alone would be (a certain duplicate).</summary>
    public sealed record Refused(DomainException Refusal) : RegistrationOutcome;

    /// <summary>
    /// Not decided by the batch: a probable duplicate of an earlier record of the same batch, which needs a
    /// review item against an application not yet written. It takes the single path once the batch has committed.
    /// </summary>
    public sealed record Deferred : RegistrationOutcome;
}
