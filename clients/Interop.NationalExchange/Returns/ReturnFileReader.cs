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

    /// <summary>
    /// The control counts of the <c>pied</c> (acquittements, rejets, radiations), read once
    /// <see cref="Lines"/> has been enumerated to the end.
    /// </summary>
    public (long Acquittements, long Rejets, long Radiations) Footer()
    {
        var pied = (XElement)XNode.ReadFrom(reader);
        return (Long(pied.Element(R + "nombreAcquittements")!.Value), Long(pied.Element(R + "nombreRejets")!.Value), Long(pied.Element(R + "nombreRadiations")!.Value));
    }

    /// <summary>
    /// Reads a validated file through and compares its lines with the control counts of
    /// its <c>pied</c>; a difference (a file cut and closed again, lines lost) as a sentence, null when they agree.
    /// </summary>
    public static string? CountsMismatch(string path)
    {
        using var reader = Open(path);
        long acquittements = 0, rejets = 0, radiations = 0;
        foreach (var line in reader.Lines())
        {
            _ = line switch
            {
                Acquittement => acquittements++,
                Rejet => rejets++,
                _ => radiations++,
            };
        }

        var counted = (acquittements, rejets, radiations);
        var footer = reader.Footer();
        return counted == footer
            ? null
            : $"the pied counts {footer.Acquittements} acquittements, {footer.Rejets} rejets, {footer.Radiations} radiations; the file holds {acquittements}, {rejets}, {radiations}";
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
