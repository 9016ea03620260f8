using System.Globalization;

namespace Interop.Adapters.Benchmarks;

/// <summary>The benchmark's command line.</summary>
internal sealed record LagOptions(double Rate, TimeSpan Length, bool Smoke)
{
    public const string Usage = "usage: Interop.Adapters.Benchmarks [--rate REGISTRATIONS_PER_SECOND (default 10)] [--seconds N (default 30)] [--smoke]";

    public static bool TryParse(string[] args, out LagOptions options, out string error)
    {
        options = new LagOptions(10, TimeSpan.FromSeconds(30), false);
        error = "";
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--smoke":
                    options = options with { Rate = 5, Length = TimeSpan.FromSeconds(3), Smoke = true };
                    break;
                case "--rate" when i + 1 < args.Length && double.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var rate) && rate > 0 && rate <= 1000:
                    options = options with { Rate = rate };
                    i++;
                    break;
                case "--seconds" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var seconds) && seconds is > 0 and <= 3600:
                    options = options with { Length = TimeSpan.FromSeconds(seconds) };
                    i++;
                    break;
                default:
                    error = $"unknown or invalid argument '{args[i]}'";
                    return false;
            }
        }

        return true;
    }
}
