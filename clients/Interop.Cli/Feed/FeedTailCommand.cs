using System.CommandLine;
using Interop.Cli.CommandLine;
using Interop.Cli.Output;
using Interop.Client;
using Interop.Contracts.V1;

namespace Interop.Cli.Feed;

/// <summary>
/// <c>interop feed tail [--subscription NAME] [--json] [--max-changes N] [--until-caught-up]</c>:
/// prints the change feed as it comes. With a named subscription, what was printed is
/// acknowledged (in batches, and on exit, Ctrl-C included), so the next run resumes after it.
/// </summary>
internal static class FeedTailCommand
{
    public const string UnnamedPrefix = "interop-tail-";

    public static Command Create()
    {
        var subscription = new Option<string?>("--subscription")
        {
            Description = "Named subscription (a-z, 0-9, -): what is printed is acknowledged, and the next run resumes after it. Without it, each run " +
                $"reads through a throwaway subscription ({UnnamedPrefix}…) from --start-after, else from the oldest change the hub keeps.",
            HelpName = "NAME",
        };
        var startAfter = new Option<long>("--start-after")
        {
            Description = "Start after this change_seq instead of the subscription's checkpoint (0: the checkpoint; unnamed, the oldest change kept).",
            HelpName = "SEQ",
        };
        var kinds = new Option<string[]>("--kind")
        {
            Description = "Only these kinds of change (repeatable): " + string.Join(", ", CodeNames.All<ChangeKind>()) + ".",
            HelpName = "KIND",
            AllowMultipleArgumentsPerToken = false,
        };
        kinds.AcceptOnlyFromAmong(CodeNames.All<ChangeKind>());
        var departements = new Option<string[]>("--departement") { Description = "Only these départements (repeatable).", HelpName = "CODE" };
        var includeOwn = new Option<bool>("--include-own") { Description = "Also show your organisation's own changes (left out by default)." };
        var maxChanges = new Option<int?>("--max-changes") { Description = "Stop after printing this many changes (for scripts).", HelpName = "N" };
        var untilCaughtUp = new Option<bool>("--until-caught-up") { Description = "Stop once every change so far was printed (for scripts)." };
        var command = new Command(
            "tail",
            "Print the change feed as it happens: one line per change, or one JSON object per line with --json. Ctrl-C acknowledges what was printed and stops. " +
            "A hub unreachable at the start exits 3; a stream dropped later is resumed on its own.")
        {
            subscription, startAfter, kinds, departements, includeOwn, maxChanges, untilCaughtUp,
        }.WithConnection();
        CliAction.SetWithHub(command, async (parse, hub, cancellation) =>
        {
            var named = parse.GetValue(subscription);
            var start = parse.GetValue(startAfter);
            if (start < 0)
            {
                throw new UsageException("--start-after must be 0 or more.");
            }

            var options = new FeedSubscriptionOptions
            {
                // Unnamed: a subscription of its own for this run, whose acknowledgements nobody resumes from.
                SubscriptionId = named ?? UnnamedPrefix + Guid.NewGuid().ToString("N")[..12],
                IncludeOwnChanges = parse.GetValue(includeOwn),
                StartAfterChangeSeq = start > 0 ? start : null,
                StopWhenCaughtUp = parse.GetValue(untilCaughtUp),
            };
            foreach (var kind in parse.GetValue(kinds) ?? [])
            {
                CodeNames.TryParse<ChangeKind>(kind, out var parsed);
                options.Kinds.Add(parsed);
            }

            foreach (var departement in parse.GetValue(departements) ?? [])
            {
                options.Departements.Add(departement);
            }

            var maximum = parse.GetValue(maxChanges) ?? int.MaxValue;
            if (maximum < 1)
            {
                throw new UsageException("--max-changes must be 1 or more.");
            }

            return await new FeedTail(hub, options, parse.GetValue(CliOptions.Json)).RunAsync(maximum, cancellation);
        });
        return new Command("feed", "The change feed (ChangeFeedService).") { command };
    }
}
