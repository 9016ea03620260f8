using Interop.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Interop.NationalExchange.Daily;

/// <summary>
/// <c>Interop.NationalExchange worker</c>: the generic host running <see cref="ExchangeWorker"/>
/// until SIGTERM. Configuration (appsettings.json, environment, command line), section
/// <c>NationalExchange</c>: <c>Hub</c> (the hub's address, required), <c>Directory</c>
/// (required), <c>RunAt</c> (<c>HH:mm</c>, default 02:00), <c>TimeZone</c> (default
/// Europe/Paris), <c>Inbox</c>, <c>SubscriptionId</c>, <c>RetryAfter</c>; the API key of the
/// national-exchange organisation in <c>INTEROP_API_KEY</c>.
/// </summary>
internal static class WorkerHost
{
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        var section = builder.Configuration.GetSection(ExchangeOptions.Section);
        var key = Environment.GetEnvironmentVariable("INTEROP_API_KEY");
        if (section["Hub"] is not { Length: > 0 } hub || section["Directory"] is not { Length: > 0 } directory || string.IsNullOrEmpty(key))
        {
            await Console.Error.WriteLineAsync("worker: NationalExchange:Hub and NationalExchange:Directory are required (environment NationalExchange__Hub, NationalExchange__Directory), and the key in INTEROP_API_KEY");
            return 2;
        }

        builder.Services.AddSingleton(_ => new InteropClient(new Uri(hub), key));
        builder.Services.AddSingleton(provider => new ExchangeOptions
        {
            Directory = directory,
            Inbox = section["Inbox"],
            SubscriptionId = section["SubscriptionId"] ?? "national-exchange-export",
            RunAt = section["RunAt"] is { } at ? TimeOnly.Parse(at, System.Globalization.CultureInfo.InvariantCulture) : new TimeOnly(2, 0),
            TimeZone = TimeZoneInfo.FindSystemTimeZoneById(section["TimeZone"] ?? "Europe/Paris"),
            RetryAfter = section["RetryAfter"] is { } retry ? TimeSpan.Parse(retry, System.Globalization.CultureInfo.InvariantCulture) : TimeSpan.FromMinutes(15),
            LoggerFactory = provider.GetRequiredService<ILoggerFactory>(),
        });
        builder.Services.AddHostedService(provider => new ExchangeWorker(
            provider.GetRequiredService<InteropClient>(), provider.GetRequiredService<ExchangeOptions>()));
        await builder.Build().RunAsync().ConfigureAwait(false);
        return 0;
    }
}
