using System.Diagnostics;
using Interop.Client;
using Interop.Contracts.V1;

namespace Interop.Matching.Registration;

/// <summary>
/// Registers records in file order with a fixed number in flight, as that many desks would: each desk takes the next
/// record when its previous call has answered, so two records of one person may be in flight together (the hub
/// serialises them on their identity keys).
/// </summary>
internal static class Registrar
{
    public static async Task<RegistrationRun> RunAsync(
        InteropClient client, IReadOnlyList<CsvRecord> records, ContractMapping mapping, string[] desks, Action<int>? progress, CancellationToken cancellationToken)
    {
        var run = new RegistrationRun(records.Count);
        var next = -1;
        var done = 0;
        var gate = new object();
        var clock = Stopwatch.StartNew();
        async Task DeskAsync(string desk)
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < records.Count)
            {
                var request = new CreateApplicationRequest { RegisteringDesk = desk, Application = mapping.ApplicationOf(records[index]) };
                try
                {
                    var created = await client.Registry.CreateApplicationAsync(request, cancellationToken: cancellationToken);
                    run.Registered[index] = created.Application.Name;
                }
                catch (DuplicateApplicationException duplicate)
                {
                    lock (gate)
                    {
                        run.Duplicates.Add((index, duplicate.ExistingApplications.Select(e => e.ResourceName).ToList()));
                    }
                }
                catch (InvalidArgumentException invalid)
                {
                    lock (gate)
                    {
                        run.ContractRefused.Add((index, invalid.FieldViolations.Select(v => $"{v.Field}: {v.Description}").FirstOrDefault() ?? invalid.Message));
                    }
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    lock (gate)
                    {
                        run.Failures.Add((index, error.Message));
                    }
                }

                progress?.Invoke(Interlocked.Increment(ref done));
            }
        }

        await Task.WhenAll(desks.Select(DeskAsync));
        run.Elapsed = clock.Elapsed;
        return run;
    }
}
