using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Interop.NationalExchange.Schema;

namespace Interop.NationalExchange.Returns;

/// <summary>
/// Reads a return file already validated against <see cref="ReturnSchema"/>, streaming:
/// an <see cref="XmlReader"/> over the file and one line element in memory at a
/// time, never a DOM of the whole file.
/// </summary>
public sealed class ReturnFileReader : IDisposable
{
    private static readonly XNamespace R = ReturnSchema.Namespace;
    private readonly FileStream stream;
    private readonly XmlReader reader;
    private long position;

    private ReturnFileReader(string path)
    {
        stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
        reader = XmlReader.Create(stream, new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreWhitespace = true,
            IgnoreComments = true,
        });
        reader.MoveToContent();
        reader.ReadStartElement("retourNuu", ReturnSchema.Namespace);
        Header = ReadHeader((XElement)XNode.ReadFrom(reader));
    }

    /// <summary>The file's <c>entete</c>.</summary>
    public ReturnFileHeader Header { get; }

    /// <summary>Opens a return file and reads its header.</summary>
    /// <param name="path">A file that passed <see cref="ReturnSchema.ValidateFile"/>.</param>
    public static ReturnFileReader Open(string path) => new(path);

    /// <summary>The lines in file order, each with its <see cref="ReturnLine.Position"/>.</summary>
    public IEnumerable<ReturnLine> Lines()
    {
        while (reader.NodeType == XmlNodeType.Element && reader.LocalName != "pied")
        {
            var element = (XElement)XNode.ReadFrom(reader);
            position++;
            yield return ReadLine(element, position);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        reader.Dispose();
        stream.Dispose();
    }

    private static ReturnFileHeader ReadHeader(XElement entete)
    {
        var refused = entete.Element(R + "rejetFichier");
        return new ReturnFileHeader(
            Date(entete.Element(R + "dateFichier")!.Value),
            int.Parse(entete.Element(R + "numeroFichier")!.Value, CultureInfo.InvariantCulture),
            entete.Element(R + "fichierTraite")?.Value,
            refused is null ? null : new ReturnControl(refused.Element(R + "codeControle")!.Value, refused.Element(R + "libelle")!.Value),
            entete.Element(R + "radiationsDepuis") is { } since ? Date(since.Value) : null);
    }

    private static ReturnLine ReadLine(XElement e, long position)
    {
        var number = e.Element(R + "numUnique")!.Value;
        return e.Name.LocalName switch
        {
            "acquittement" => new Acquittement
            {
                Position = position,
                Number = number,
                NumeroOrdre = Long(e.Attribute("numeroOrdre")!.Value),
                TypeFichier = e.Attribute("typeFichier")!.Value,
                Revision = Long(e.Attribute("revision")!.Value),
                Statut = e.Element(R + "statut")!.Value,
                Motif = e.Element(R + "motif")?.Value,
            },
            "rejet" => new Rejet
            {
                Position = position,
                Number = number,
                NumeroOrdre = Long(e.Attribute("numeroOrdre")!.Value),
                TypeFichier = e.Attribute("typeFichier")!.Value,
                Revision = Long(e.Attribute("revision")!.Value),
                CodeControle = e.Element(R + "controle")!.Element(R + "codeControle")!.Value,
                Libelle = e.Element(R + "controle")!.Element(R + "libelle")!.Value,
            },
            "radiation" => new RadiationAilleurs
            {
                Position = position,
                Number = number,
                Motif = e.Element(R + "motif")!.Value,
                SousMotif = e.Element(R + "sousMotif")?.Value,
                DateRadiation = Date(e.Element(R + "dateRadiation")!.Value),
            },
            _ => throw new InvalidDataException($"Unexpected element {e.Name.LocalName} in a return file."),
        };
    }

    private static long Long(string value) => long.Parse(value, CultureInfo.InvariantCulture);

    private static DateOnly Date(string value) => DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
