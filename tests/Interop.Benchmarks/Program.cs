using System.Runtime.InteropServices;
using Interop.Benchmarks;

// Entry point: `dotnet run -c Release --project tests/Interop.Benchmarks -- registrations [--seconds 10] [--clients 1,8,32]`
// or `… -- fresh [--applications 3000] [--clients 4] [--bin 500]`
// or `… -- findmatches [--applications 3000000] [--queries 2000] [--clients 4] [--load-minutes 12]`;
// `--smoke` on either runs its whole path once on tiny sizes (deploy/test.sh does, so the commands never rot).
// Exit codes: 0 all calls succeeded, 1 some failed, 2 bad arguments or environment.
var findMatches = args.Length > 0 && args[0] == "findmatches";
var fresh = args.Length > 0 && args[0] == "fresh";
FreshRegistryOptions? freshOptions = null;
if (fresh && !FreshRegistryOptions.TryParse(args, out freshOptions, out var freshError))
{
    Console.Error.WriteLine(freshError);
    Console.Error.WriteLine(FreshRegistryOptions.Usage);
    return 2;
}

FindMatchesOptions? matchOptions = null;
if (findMatches && !FindMatchesOptions.TryParse(args, out matchOptions, out var matchError))
{
    Console.Error.WriteLine(matchError);
    Console.Error.WriteLine(FindMatchesOptions.Usage);
    return 2;
}

BenchmarkOptions options = null!;
if (!findMatches && !fresh && !BenchmarkOptions.TryParse(args, out options, out var error))
{
    Console.Error.WriteLine(error);
    Console.Error.WriteLine(BenchmarkOptions.Usage);
    Console.Error.WriteLine(FreshRegistryOptions.Usage);
    Console.Error.WriteLine(FindMatchesOptions.Usage);
    return 2;
}

// Ctrl+C or a plain kill: unwind instead of dying, so the hub process and
// the databases this run made are removed.
using var stop = new CancellationTokenSource();
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

try
{
    return findMatches ? await FindMatchesBenchmark.RunAsync(matchOptions!, stop.Token)
        : fresh ? await FreshRegistryBenchmark.RunAsync(freshOptions!, stop.Token)
        : await RegistrationBenchmark.RunAsync(options, stop.Token);
}
catch (BenchmarkSetupException exception)
{
    Console.Error.WriteLine(exception.Message);
    return 2;
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    Console.Error.WriteLine("Stopped before the end; nothing to report.");
    return 1;
}

void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stop.Cancel();
}
