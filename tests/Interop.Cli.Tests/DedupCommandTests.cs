namespace Interop.Cli.Tests;

/// <summary>The batch mode as a landlord runs it on its stock: CSV in, clusters and explained pairs out, no hub.</summary>
[Collection(CliCollection.Name)]
public sealed class DedupCommandTests(InstalledCli cli) : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("interop-dedup-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task Dedup_DeskTypingErrors_ClusterTogetherWhileTwinsAndStrangersStayApart()
    {
        var input = Path.Combine(folder, "stock.csv");
        await File.WriteAllTextAsync(input, """
            record_id,last_name,birth_name,first_names,sex,birth_date,birth_place,nationality,email,phone,postcode,commune
            a1,Lefrançois,,Camille Marie,F,1988-04-12,14118,FR,camille@example.fr,,14000,Caen
            a2,LEFRANCOIS,,camille,F,1988-12-04,Caen,FR,,,14000,Caen
            a3,Martin épouse Lefrançois,,Camille,F,1988-04-12,,FR,,,,
            b1,Lefrançois,,Julie,F,1988-04-12,14118,FR,,,14000,Caen
            c1,"N'Diaye",,Aminata,F,1992-01-30,Dakar,SN,,,14200,Hérouville-Saint-Clair
            d1,Dupont,,Jean-Pierre,M,1975-11-03,75056,FR,,,,
            """ + "\n" + Strangers(300));
        var clusters = Path.Combine(folder, "clusters.csv");
        var pairs = Path.Combine(folder, "pairs.csv");

        var result = await cli.RunAsync("dedup", "--input", input, "--output", clusters, "--pairs", pairs);

        Assert.True(result.ExitCode == 0, result.Error + result.Output);
        var clusterOf = File.ReadAllLines(clusters).Skip(1).Select(line => line.Split(',')).ToDictionary(f => f[0], f => f[1]);
        Assert.Equal(306, clusterOf.Count);
        Assert.Equal(clusterOf["a1"], clusterOf["a2"]);
        Assert.Equal(clusterOf["a1"], clusterOf["a3"]);
        Assert.NotEqual(clusterOf["a1"], clusterOf["b1"]);
        Assert.Equal(304, clusterOf.Values.Distinct().Count());
        var explained = await File.ReadAllTextAsync(pairs);
        Assert.Contains("a1", explained, StringComparison.Ordinal);
        Assert.Contains("date de naissance", explained, StringComparison.Ordinal);
    }

    /// <summary>
    /// A stock is thousands of people: name frequencies and weights are
    /// estimated from the input itself, so the few households of the test
    /// stand among strangers with made-up names.
    /// </summary>
    private static string Strangers(int count)
    {
        var random = new Random(7);
        string Name() => char.ToUpperInvariant((char)('a' + random.Next(26))) + new string(Enumerable.Range(0, 7).Select(_ => (char)('a' + random.Next(26))).ToArray());
        return string.Join('\n', Enumerable.Range(0, count).Select(i =>
            $"s{i},{Name()},,{Name()},{(i % 2 == 0 ? "M" : "F")},{random.Next(1940, 2005)}-{random.Next(1, 13):00}-{random.Next(1, 29):00},14118,FR,,,14000,Caen"));
    }

    [Fact]
    public async Task Dedup_MissingInput_SaysSoAndExitsTwo()
    {
        var result = await cli.RunAsync("dedup", "--input", Path.Combine(folder, "none.csv"), "--output", Path.Combine(folder, "out.csv"));

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"interop: --input {Path.Combine(folder, "none.csv")}: no such file.", result.Error.Trim());
    }
}
