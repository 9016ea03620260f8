using Interop.Hub.Core.Applications;

namespace Interop.Hub.Core.History;

/// <summary>
/// One change of an application's history with the states it went from and to
/// and their facts (null where not recorded: before the first change, or
/// before the history kept states).
/// </summary>
public sealed record TimelineStep(HistoryEntry Entry, ApplicationRecord? Before, HistoryFacts? BeforeFacts, ApplicationRecord? After);
