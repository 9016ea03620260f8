using Interop.NationalExchange.Simulator;

// interop-national-simulator <state folder> <export file> <return folder> [--known-desks B0001,B0002] [--known-communes 14118,...] [--radiate NUMBER:MOTIF:yyyy-MM-dd]... [--dalo NUMBER:STATUT:yyyy-MM-dd]...
if (args.Length < 3)
{
    await Console.Error.WriteLineAsync("usage: Interop.NationalExchange.Simulator <state folder> <export file> <return folder> [--known-desks A,B] [--known-communes X,Y] [--radiate NUMBER:MOTIF:yyyy-MM-dd]... [--dalo NUMBER:STATUT:yyyy-MM-dd]...");
    return 2;
}

var options = new SimulatorOptions { Directory = args[0] };
Directory.CreateDirectory(options.Directory);
var simulator = new NationalRegistrySimulator(options);
for (var i = 3; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--known-desks":
            options.KnownDesks = args[i + 1].Split(',').ToHashSet(StringComparer.Ordinal);
            break;
        case "--known-communes":
            options.KnownCommunes = args[i + 1].Split(',').ToHashSet(StringComparer.Ordinal);
            break;
        case "--radiate" when args[i + 1].Split(':') is [var number, var motif, var day]:
            simulator.RadiateElsewhere(number, motif, DateOnly.ParseExact(day, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            break;
        case "--dalo" when args[i + 1].Split(':') is [var number, var statut, var day]:
            simulator.DecideDalo(number, statut, DateOnly.ParseExact(day, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            break;
        default:
            await Console.Error.WriteLineAsync($"unknown option {args[i]}");
            return 2;
    }
}

Console.WriteLine(simulator.Process(args[1], args[2]));
return 0;
