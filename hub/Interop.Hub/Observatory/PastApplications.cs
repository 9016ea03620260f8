using Interop.Hub.Core.Errors;
using Interop.Hub.Core.History;
using Interop.Hub.Registry;
using Interop.Hub.Storage.History;
using Npgsql;
using V1 = Interop.Contracts.V1;

namespace Interop.Hub.Observatory;

/// <summary>
/// Applications as they stood at a past instant, rebuilt by the core from the
/// history (<see cref="ApplicationTimeline"/>), in the contract's form.
/// </summary>
internal sealed class PastApplications(HistoryStore history)
{
    /// <summary>The state of a visible application at <paramref name="asOf"/>; the caller checked access on its current state.</summary>
    public async Task<V1.Application> StateAtAsync(NpgsqlConnection connection, string number, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var entries = await history.ForApplicationAsync(connection, number, cancellationToken);
        var past = ApplicationTimeline.StateAt(entries, asOf);
        var name = ApplicationMapper.ResourceName(number);
        return past.Kind switch
        {
            PastStateKind.Known => ToProto(past.Application!, past.Facts!),
            PastStateKind.NotYetRegistered => throw new NotFoundException("interop.v1.Application", $"{name} as of {asOf:O} (it was registered later)"),
            _ => throw new PreconditionException(
                ErrorReasons.HistoryNotRecorded,
                name,
                $"{name} changed at {asOf:O} before the hub kept its history; its state is known from {FirstRecorded(entries):O}."),
        };
    }

    /// <summary>
    /// A past state in the contract's form. With no household (erased since),
    /// the typologies and communes wished stay: they are among the facts
    /// erasure keeps for statistics.
    /// </summary>
    public static V1.Application ToProto(Core.Applications.ApplicationRecord state, HistoryFacts facts)
    {
        var application = ApplicationMapper.ToProto(state);
        if (state.Household is null)
        {
            application.Wishes = new V1.Wishes
            {
                Typologies = { facts.Typologies.Select(t => (V1.Typology)(int)t) },
                CommuneCodes = { facts.WishedCommunes },
            };
        }

        return application;
    }

    private static DateTimeOffset? FirstRecorded(IReadOnlyList<HistoryEntry> entries) =>
        entries.Where(e => e.Facts is not null).Select(e => (DateTimeOffset?)e.OccurredAt).FirstOrDefault();
}
