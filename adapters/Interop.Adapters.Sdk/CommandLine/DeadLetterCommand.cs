using System.CommandLine;
using System.Globalization;
using Interop.Adapters.Sdk.Inbound;
using Interop.Adapters.Sdk.Mapping;
using Interop.Adapters.Sdk.State;
using Interop.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Interop.Adapters.Sdk.CommandLine;

/// <summary>
/// The <c>dead-letters</c> verb an adapter host adds to its own command line:
/// <c>dead-letters list</c> and <c>dead-letters replay &lt;id&gt;</c> / <c>dead-letters replay --all</c>.
/// </summary>
/// <remarks>
/// The verb builds the adapter's host without starting its loops and works on its
/// <see cref="DeadLetterQueue"/>. Stop the running adapter first: its state belongs to one process at a
/// time (a replay the running adapter does not see would be overwritten by its next write), and the SDK's
/// stores refuse a second opening (<see cref="AdapterStateInUseException"/>: exit code
/// <see cref="AdapterCommandLine.StateInUse"/> through <see cref="AdapterCommandLine.InvokeAsync(System.CommandLine.RootCommand, string[], TextWriter?, AdapterHostOptions?)"/>).
/// Exit codes: 0 done (every replay went through), 1 a replay was refused again or an id is unknown,
/// 2 a usage error, 3 the state is held by another process.
/// </remarks>
public static class DeadLetterCommand
{
    /// <summary>Exit code when every asked replay went through (or the list was printed).</summary>
    public const int Done = 0;

    /// <summary>Exit code when a dead letter is still refused or no dead letter has the id.</summary>
    public const int NotReplayed = 1;

    /// <summary>Exit code of a usage error (neither an id nor <c>--all</c>).</summary>
    public const int UsageError = 2;

    /// <summary>
    /// The <c>dead-letters</c> command. <paramref name="buildHost"/> builds the adapter's host from the
    /// parsed options of the host's own command line (hub address, key, state file…); it is not started.
    /// Output goes to the invocation's output writer (the console by default).
    /// </summary>
    /// <param name="buildHost">Builds the adapter's host (with <c>AddInteropAdapter</c>) from the parse result.</param>
    /// <param name="options">Options of the host the command needs in order to build it (added to the command and its subcommands).</param>
    public static Command Create(Func<ParseResult, IHost> buildHost, params Option[] options)
    {
        ArgumentNullException.ThrowIfNull(buildHost);
        return Create((parse, _) => Task.FromResult(buildHost(parse)), options);
    }

    /// <summary>
    /// As <see cref="Create(Func{ParseResult, IHost}, Option[])"/>, for a host built asynchronously: one whose state
    /// is opened with a round trip before the host exists (the SQL adapter's, in the ERP's database).
    /// </summary>
    /// <param name="buildHost">Builds the adapter's host from the parse result; the token is the invocation's (Ctrl-C).</param>
    /// <param name="options">Options of the host the command needs in order to build it (added to the command and its subcommands).</param>
    public static Command Create(Func<ParseResult, CancellationToken, Task<IHost>> buildHost, params Option[] options)
    {
        ArgumentNullException.ThrowIfNull(buildHost);
        var list = new Command("list", "Lists the dead letters, oldest first: id, direction, when, change, record and reason.");
        list.SetAction(async (parse, cancellationToken) =>
        {
            using var host = await buildHost(parse, cancellationToken);
            var output = parse.InvocationConfiguration.Output;
            var deadLetters = await host.Services.GetRequiredService<DeadLetterQueue>().ListAsync(cancellationToken);
            foreach (var deadLetter in deadLetters)
            {
                await output.WriteLineAsync(Describe(deadLetter));
            }

            await output.WriteLineAsync(deadLetters.Count.ToString(CultureInfo.InvariantCulture) + (deadLetters.Count == 1 ? " dead letter" : " dead letters"));
            return Done;
        });

        var id = new Argument<Guid?>("id") { Description = "The dead letter to replay (from 'dead-letters list').", Arity = ArgumentArity.ZeroOrOne };
        var all = new Option<bool>("--all") { Description = "Replays every dead letter, oldest first; those still refused stay." };
        var replay = new Command("replay", "Replays a dead letter once the ERP or the mapping tables are fixed; it is removed once it went through.")
        {
            id,
            all,
        };
        replay.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var one = parse.GetValue(id);
            var every = parse.GetValue(all);
            if ((one is null) == !every)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync("dead-letters replay: give one dead letter id, or --all (not both).");
                return UsageError;
            }

            using var host = await buildHost(parse, cancellationToken);
            var queue = host.Services.GetRequiredService<DeadLetterQueue>();
            IReadOnlyList<Guid> ids = one is { } single ? [single] : [.. (await queue.ListAsync(cancellationToken)).Select(d => d.Id)];
            var (replayed, refused) = (0, 0);
            foreach (var deadLetter in ids)
            {
                var outcome = await ReplayAsync(queue, deadLetter, cancellationToken);
                await output.WriteLineAsync(outcome is null ? $"replayed {deadLetter}" : $"not replayed {deadLetter}: {outcome}");
                (replayed, refused) = outcome is null ? (replayed + 1, refused) : (replayed, refused + 1);
            }

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{replayed} replayed, {refused} not replayed"));
            return refused == 0 ? Done : NotReplayed;
        });

        var command = new Command("dead-letters", "Lists and replays the changes this adapter set aside with their reason.")
        {
            list,
            replay,
        };
        foreach (var option in options)
        {
            option.Recursive = true;
            command.Options.Add(option);
        }

        return command;
    }

    /// <summary>One line for a dead letter: id, direction, when (UTC), change, record or application, reason.</summary>
    public static string Describe(DeadLetter deadLetter)
    {
        ArgumentNullException.ThrowIfNull(deadLetter);
        var what = deadLetter.Application ?? (deadLetter.ErpRecordId is { } record ? "ERP record " + record : "-");
        return string.Create(CultureInfo.InvariantCulture,
            $"{deadLetter.Id}  {deadLetter.Direction.ToString().ToLowerInvariant(),-8}  {deadLetter.DeadLetteredAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z  change {deadLetter.ChangeId}  {what}  {deadLetter.Reason}");
    }

    /// <returns>Null when it went through, else why not.</returns>
    private static async Task<string?> ReplayAsync(DeadLetterQueue queue, Guid id, CancellationToken cancellationToken)
    {
        try
        {
            return await queue.ReplayAsync(id, cancellationToken) ? null : "no dead letter has this id";
        }
        catch (Exception e) when (e is ErpRefusedException or UnknownCodeException or InteropException or InvalidOperationException)
        {
            // A refusal again is an answer for the operator, not a crash: the dead letter stays.
            return e.Message;
        }
    }
}
