using System.Text;
using Interop.Adapters.Files.Csv;

namespace Interop.Adapters.Tests.Files;

public sealed class CsvTextTests
{
    [Theory]
    [InlineData("dossier;nom;prenom", ';')]
    [InlineData("dossier,nom,prenom", ',')]
    [InlineData("dossier", ';')]
    public void DetectSeparator_CountsTheCandidates(string header, char expected) =>
        Assert.Equal(expected, CsvText.DetectSeparator(header));

    [Fact]
    public void Decode_ReadsUtf8WithOrWithoutBom_AndFallsBackToWindows1252()
    {
        Assert.Equal("Hélène", CsvText.Decode(Encoding.UTF8.GetBytes("Hélène"), out var utf8));
        Assert.Equal("utf-8", utf8);
        Assert.Equal("Hélène", CsvText.Decode([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("Hélène")], out _));
        Assert.Equal("Hélène œuvre", CsvText.Decode(CsvText.Windows1252.GetBytes("Hélène œuvre"), out var ansi));
        Assert.Equal("windows-1252", ansi);
    }

    [Fact]
    public void Split_HonoursQuotesAndDoubledQuotes() =>
        Assert.Equal(["a", "b;c", "say \"hi\"", ""], CsvText.Split("a;\"b;c\";\"say \"\"hi\"\"\";", ';'));
}
