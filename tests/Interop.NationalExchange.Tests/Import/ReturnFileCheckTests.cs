using Interop.Client;
using Interop.NationalExchange.Export;
using Interop.NationalExchange.Import;
using Interop.NationalExchange.Returns;
using Interop.NationalExchange.Schema;

namespace Interop.NationalExchange.Tests.Import;

/// <summary>A return file is checked whole before any line of it is applied (no hub is reached: the client points nowhere).</summary>
public sealed class ReturnFileCheckTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("interop-return-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task Import_AFileThatLostALine_IsRefusedOnItsControlCountsAndAppliesNothing()
    {
        var path = Write(Ack(1, "0142603B000100001J"), Ack(2, "0142603B000100002P"));
        var text = await File.ReadAllTextAsync(path);
        var start = text.IndexOf("  <acquittement numeroOrdre=\"2\"", StringComparison.Ordinal);
        var end = text.IndexOf("</acquittement>", start, StringComparison.Ordinal) + "</acquittement>\n".Length;
        await File.WriteAllTextAsync(path, text.Remove(start, end - start));
        Assert.Empty(ReturnSchema.ValidateFile(path));

        var refused = await Assert.ThrowsAsync<NuuValidationException>(() => ImportAsync(path));

        Assert.Contains("the pied counts 2 acquittements, 0 rejets, 0 radiations, 0 DALO decisions; the file holds 1, 0, 0, 0", refused.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, "import-state.json")));
    }

    [Fact]
    public async Task Import_AnExportFileInsteadOfAReturnFile_IsRefusedByTheSchema()
    {
        var path = Path.Combine(folder, "nuu.xml");
        await File.WriteAllTextAsync(path, "<interfaceNuu xmlns=\"urn:interop:nuu:export:1\" versionInterface=\"02.01\" />");

        var refused = await Assert.ThrowsAsync<NuuValidationException>(() => ImportAsync(path));

        Assert.Contains("does not validate against the return file schema", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_LinesOutOfTheExportFilesOrder_AreRefusedAndApplyNothing()
    {
        var path = Write(Ack(2, "0142603B000100002P"), Ack(1, "0142603B000100001J"));

        var refused = await Assert.ThrowsAsync<NuuValidationException>(() => ImportAsync(path));

        Assert.Contains("numeroOrdre 1 after 2: the lines come in strictly ascending numeroOrdre", refused.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, "import-state.json")));
    }

    [Fact]
    public async Task ReturnFile_OfVersion1_StillValidatesAndReadsWithoutDaloDecisions()
    {
        var path = Path.Combine(folder, "retour-20260310-0001.xml");
        await File.WriteAllTextAsync(path, """
            <?xml version="1.0" encoding="utf-8"?>
            <retourNuu xmlns="urn:interop:nuu:retour:1" versionInterface="02.01">
              <entete><typeFichier>RET</typeFichier><dateFichier>2026-03-10</dateFichier><numeroFichier>1</numeroFichier></entete>
              <radiation><numUnique>0142603B000100002P</numUnique><motif>RADATT</motif><dateRadiation>2026-03-10</dateRadiation></radiation>
              <pied><nombreAcquittements>0</nombreAcquittements><nombreRejets>0</nombreRejets><nombreRadiations>1</nombreRadiations></pied>
            </retourNuu>
            """);

        Assert.Empty(ReturnSchema.ValidateFile(path));
        Assert.Null(ReturnFileReader.CountsMismatch(path));
        using var reader = ReturnFileReader.Open(path);
        var line = Assert.IsType<RadiationAilleurs>(Assert.Single(reader.Lines()));
        Assert.Equal(("0142603B000100002P", "RADATT"), (line.Number, line.Motif));
    }

    [Fact]
    public async Task ReturnFile_OfVersion1WithADaloDecision_IsRefusedByTheSchema()
    {
        var path = Write(new DecisionDalo { Number = "0142603B000100002P", StatutDalo = "ACTIF", DateDecision = new DateOnly(2027, 2, 12) });
        var text = await File.ReadAllTextAsync(path);
        await File.WriteAllTextAsync(path, text.Replace("urn:interop:nuu:retour:2", "urn:interop:nuu:retour:1", StringComparison.Ordinal));

        var refused = await Assert.ThrowsAsync<NuuValidationException>(() => ImportAsync(path));

        Assert.Contains("decisionDalo", refused.Message, StringComparison.Ordinal);
    }

    private async Task<ImportReport> ImportAsync(string path)
    {
        using var client = new InteropClient(new Uri("http://127.0.0.1:1"), "ik_unused");
        return await new NationalImport(client, new ImportOptions { Directory = folder }).ImportAsync(path);
    }

    private string Write(params ReturnLine[] lines)
    {
        var path = Path.Combine(folder, "retour-20270213-0001.xml");
        using var stream = File.Create(path);
        using var writer = new ReturnFileWriter(stream, new ReturnFileHeader(new DateOnly(2027, 2, 13), 1, "nuu-20270213-0001.xml", null, null));
        foreach (var line in lines)
        {
            writer.Write(line);
        }

        writer.Complete();
        return path;
    }

    private static Acquittement Ack(long ordre, string number) =>
        new() { Number = number, NumeroOrdre = ordre, TypeFichier = "CRE", Revision = 1, Statut = "ACT" };
}
