using Interop.Adapters.Benchmarks;

// Entry points (need INTEROP_TEST_POSTGRES, an admin connection string):
//   `dotnet run -c Release --project tests/Interop.Adapters.Benchmarks -- [--rate 10] [--seconds 30] [--smoke]`
//     ERP-to-ERP lag through two adapters against the hub's own delivery (LagBenchmark);
//   `dotnet run -c Release --project tests/Interop.Adapters.Benchmarks -- onboarding [--records 100000] [--smoke]`
//     a landlord's stock onboarded through the adapter in bulk against one unary call at a time (OnboardingBenchmark).
// Exit codes: 0 the run's checks held, 1 they did not, 2 bad arguments. `--smoke` runs the whole path on a
// few records (deploy/test.sh does both, so the commands never rot).
if (args.Length > 0 && args[0] == "onboarding")
{
    if (!OnboardingOptions.TryParse(args[1..], out var onboarding, out var onboardingError))
    {
        Console.Error.WriteLine(onboardingError);
        Console.Error.WriteLine(OnboardingOptions.Usage);
        return 2;
    }

    return await OnboardingBenchmark.RunAsync(onboarding);
}

if (!LagOptions.TryParse(args, out var options, out var usageError))
{
    Console.Error.WriteLine(usageError);
    Console.Error.WriteLine(LagOptions.Usage);
    return 2;
}

return await LagBenchmark.RunAsync(options);
