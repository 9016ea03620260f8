using Interop.Benchmarks;

// Entry point: `dotnet run -c Release --project tests/Interop.Benchmarks -- registrations [--seconds 10] [--clients 1,8,32]`.
// Exit codes: 0 all registrations succeeded, 1 some failed, 2 bad arguments or environment.
if (!BenchmarkOptions.TryParse(args, out var options, out var error))
{
    Console.Error.WriteLine(error);
    Console.Error.WriteLine(BenchmarkOptions.Usage);
    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // Let the benchmark unwind so the hub processes and databases it made are removed.
    e.Cancel = true;
    stop.Cancel();
};

try
{
    return await RegistrationBenchmark.RunAsync(options, stop.Token);
}
catch (BenchmarkSetupException exception)
{
    Console.Error.WriteLine(exception.Message);
    return 2;
}
