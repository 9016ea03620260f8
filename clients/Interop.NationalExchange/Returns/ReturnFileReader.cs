using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Interop.NationalExchange.Schema;

namespace Interop.NationalExchange.Returns;

/// <summary>
/// Reads a return file already validated against <see cref="ReturnSchema"/>, streaming:
/// an <see cref="XmlReader"/> over the file and one line element in memory at a
/// time, never a DOM of the whole file. Reads both versions of the schema: a version 1
/// file has no DALO decisions.
/// </summary>
public sealed class ReturnFileReader : IDisposable
{
    private readonly XNamespace r;
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
        r = reader.NamespaceURI == ReturnSchema.NamespaceV1 ? ReturnSchema.NamespaceV1 : ReturnSchema.Namespace;
        reader.ReadStartElement("retourNuu", r.NamespaceName);
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
    /// The control counts of the <c>pied</c> (acquittements, rejets, radiations, DALO decisions:
    /// 0 in a version 1 file), read once <see cref="Lines"/> has been enumerated to the end.
    /// </summary>
    public (long Acquittements, long Rejets, long Radiations, long DecisionsDalo) Footer()
    {
        var pied = (XElement)XNode.ReadFrom(reader);
        return (
            Long(pied.Element(r + "nombreAcquittements")!.Value),
            Long(pied.Element(r + "nombreRejets")!.Value),
            Long(pied.Element(r + "nombreRadiations")!.Value),
            pied.Element(r + "nombreDecisionsDalo") is { } decisions ? Long(decisions.Value) : 0);
    }

    /// <summary>
    /// Reads a validated file through and compares its lines with the control counts of
    /// its <c>pied</c>; a difference (a file cut and closed again, lines lost) as a sentence, null when they agree.
    /// </summary>
    public static string? CountsMismatch(string path) => CountsMismatch(path, out _);

    /// <summary>As <see cref="CountsMismatch(string)"/>, with the number of lines read.</summary>
    public static string? CountsMismatch(string path, out long lines)
    {
        using var reader = Open(path);
        long acquittements = 0, rejets = 0, radiations = 0, decisions = 0;
        foreach (var line in reader.Lines())
        {
            _ = line switch
            {
                Acquittement => acquittements++,
                Rejet => rejets++,
                RadiationAilleurs => radiations++,
                _ => decisions++,
            };
        }

        lines = acquittements + rejets + radiations + decisions;
        var counted = (acquittements, rejets, radiations, decisions);
        var footer = reader.Footer();
        return counted == footer
            ? null
            : $"the pied counts {footer.Acquittements} acquittements, {footer.Rejets} rejets, {footer.Radiations} radiations, {footer.DecisionsDalo} DALO decisions; the file holds {acquittements}, {rejets}, {radiations}, {decisions}";
    }

    /// <inheritdoc />
    public void Dispose()
    {
        reader.Dispose();
        stream.Dispose();
    }

    private ReturnFileHeader ReadHeader(XElement entete)
    {
        var refused = entete.Element(r + "rejetFichier");
        return new ReturnFileHeader(
            Date(entete.Element(r + "dateFichier")!.Value),
            int.Parse(entete.Element(r + "numeroFichier")!.Value, CultureInfo.InvariantCulture),
            entete.Element(r + "fichierTraite")?.Value,
            refused is null ? null : new ReturnControl(refused.Element(r + "codeControle")!.Value, refused.Element(r + "libelle")!.Value),
            entete.Element(r + "radiationsDepuis") is { } since ? Date(since.Value) : null);
    }

    private ReturnLine ReadLine(XElement e, long position)
    {
        var number = e.Element(r + "numUnique")!.Value;
        return e.Name.LocalName switch
        {
            "acquittement" => new Acquittement
            {
                Position = position,
                Number = number,
                NumeroOrdre = Long(e.Attribute("numeroOrdre")!.Value),
                TypeFichier = e.Attribute("typeFichier")!.Value,
                Revision = Long(e.Attribute("revision")!.Value),
                Statut = e.Element(r + "statut")!.Value,
                Motif = e.Element(r + "motif")?.Value,
            },
            "rejet" => new Rejet
            {
                Position = position,
                Number = number,
                NumeroOrdre = Long(e.Attribute("numeroOrdre")!.Value),
                TypeFichier = e.Attribute("typeFichier")!.Value,
                Revision = Long(e.Attribute("revision")!.Value),
                CodeControle = e.Element(r + "controle")!.Element(r + "codeControle")!.Value,
                Libelle = e.Element(r + "controle")!.Element(r + "libelle")!.Value,
            },
            "radiation" => new RadiationAilleurs
            {
                Position = position,
                Number = number,
                Motif = e.Element(r + "motif")!.Value,
                SousMotif = e.Element(r + "sousMotif")?.Value,
                DateRadiation = Date(e.Element(r + "dateRadiation")!.Value),
            },
            "decisionDalo" => new DecisionDalo
            {
                Position = position,
                Number = number,
                StatutDalo = e.Element(r + "statutDalo")!.Value,
                DateDecision = Date(e.Element(r + "dateDecision")!.Value),
            },
            _ => throw new InvalidDataException($"Unexpected element {e.Name.LocalName} in a return file."),
        };
    }

    private static long Long(string value) => long.Parse(value, CultureInfo.InvariantCulture);

    private static DateOnly Date(string value) => DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
