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

        Assert.Contains("the pied counts 2 acquittements, 0 rejets, 0 radiations; the file holds 1, 0, 0", refused.Message, StringComparison.Ordinal);
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
