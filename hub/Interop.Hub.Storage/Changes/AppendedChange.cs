using Interop.Hub.Core.Applications;

namespace Interop.Hub.Storage.Changes;

/// <summary>One change to append with others (<see cref="ChangeLog.AppendManyAsync"/>): the state written, the one before (none for a new application), and who made it.</summary>
public sealed record AppendedChange(
    ApplicationRecord Application, ApplicationRecord? Previous, string Kind, string Actor, string? RequestId, object? Details);
