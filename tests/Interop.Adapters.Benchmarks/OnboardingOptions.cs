using System.Globalization;

namespace Interop.Adapters.Benchmarks;

/// <summary>The onboarding benchmark's command line.</summary>
/// <param name="Records">Households of the bulk phase.</param>
/// <param name="UnaryRecords">Households of each unary phase, a sample whose rate is the ratio's base (at most <paramref name="Records"/>).</param>
internal sealed record OnboardingOptions(int Records, int UnaryRecords, bool SkipOneByOne, bool Smoke)
{
    public const string Usage =
        "usage: Interop.Adapters.Benchmarks onboarding [--records N (default 2000)] [--unary-records N (default min(records, 2000))] [--bulk-only] [--smoke]";

    public static bool TryParse(string[] args, out OnboardingOptions options, out string error)
    {
        options = new OnboardingOptions(2000, 0, false, false);
        error = "";
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--smoke":
                    options = options with { Records = 40, Smoke = true };
                    break;
                case "--unary-records" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var unary) && unary is > 0 and <= 1_000_000:
                    options = options with { UnaryRecords = unary };
                    i++;
                    break;
                case "--bulk-only":
                    options = options with { SkipOneByOne = true };
                    break;
                case "--records" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var records) && records is > 0 and <= 1_000_000:
                    options = options with { Records = records };
                    i++;
                    break;
                default:
                    error = $"unknown or invalid argument '{args[i]}'";
                    return false;
            }
        }

        options = options with { UnaryRecords = Math.Min(options.Records, options.UnaryRecords > 0 ? options.UnaryRecords : 2000) };
        return true;
    }
}
