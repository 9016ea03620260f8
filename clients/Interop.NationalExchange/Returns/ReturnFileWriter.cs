using System.Globalization;
using System.Text;
using System.Xml;
using Interop.NationalExchange.Schema;

namespace Interop.NationalExchange.Returns;

/// <summary>
/// Streams a return file (Schema/interface-nuu-retour-v2.xsd) with <see cref="XmlWriter"/>,
/// one line at a time; the control counts go in the closing <c>pied</c>. The
/// simulated national registry writes its answers with it.
/// </summary>
public sealed class ReturnFileWriter : IDisposable
{
    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        NewLineHandling = NewLineHandling.Replace,
        CloseOutput = false,
    };

    private readonly XmlWriter writer;
    private long acquittements;
    private long rejets;
    private long radiations;
    private long decisions;

    /// <summary>Starts the document with its <c>entete</c>.</summary>
    /// <param name="output">Where to write; not closed.</param>
    /// <param name="header">The file's header.</param>
    public ReturnFileWriter(Stream output, ReturnFileHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        writer = XmlWriter.Create(output, Settings);
        writer.WriteStartDocument();
        writer.WriteStartElement("retourNuu", ReturnSchema.Namespace);
        writer.WriteAttributeString("versionInterface", "02.01");
        writer.WriteStartElement("entete", ReturnSchema.Namespace);
        Element("typeFichier", "RET");
        Element("dateFichier", Date(header.DateFichier));
        Element("numeroFichier", Number(header.NumeroFichier));
        if (header.FichierTraite is { } treated)
        {
            Element("fichierTraite", treated);
        }

        if (header.RejetFichier is { } refused)
        {
            writer.WriteStartElement("rejetFichier", ReturnSchema.Namespace);
            Control(refused);
            writer.WriteEndElement();
        }

        if (header.RadiationsDepuis is { } since)
        {
            Element("radiationsDepuis", Date(since));
        }

        writer.WriteEndElement();
    }

    /// <summary>Writes one line.</summary>
    /// <param name="line">An <see cref="Acquittement"/>, <see cref="Rejet"/>, <see cref="RadiationAilleurs"/> or <see cref="DecisionDalo"/>.</param>
    public void Write(ReturnLine line)
    {
        switch (line)
        {
            case Acquittement a:
                StartLine("acquittement", a.NumeroOrdre, a.TypeFichier, a.Revision);
                Element("numUnique", a.Number);
                Element("statut", a.Statut);
                if (a.Motif is { } motif)
                {
                    Element("motif", motif);
                }

                acquittements++;
                break;
            case Rejet r:
                StartLine("rejet", r.NumeroOrdre, r.TypeFichier, r.Revision);
                Element("numUnique", r.Number);
                writer.WriteStartElement("controle", ReturnSchema.Namespace);
                Control(new ReturnControl(r.CodeControle, r.Libelle));
                writer.WriteEndElement();
                rejets++;
                break;
            case RadiationAilleurs radiation:
                writer.WriteStartElement("radiation", ReturnSchema.Namespace);
                Element("numUnique", radiation.Number);
                Element("motif", radiation.Motif);
                if (radiation.SousMotif is { } sub)
                {
                    Element("sousMotif", sub);
                }

                Element("dateRadiation", Date(radiation.DateRadiation));
                radiations++;
                break;
            case DecisionDalo decision:
                writer.WriteStartElement("decisionDalo", ReturnSchema.Namespace);
                Element("numUnique", decision.Number);
                Element("statutDalo", decision.StatutDalo);
                Element("dateDecision", Date(decision.DateDecision));
                decisions++;
                break;
            default:
                throw new ArgumentException($"Unknown return line {line.GetType().Name}.", nameof(line));
        }

        writer.WriteEndElement();
    }

    /// <summary>Ends the document with the control counts.</summary>
    public void Complete()
    {
        writer.WriteStartElement("pied", ReturnSchema.Namespace);
        Element("nombreAcquittements", Number(acquittements));
        Element("nombreRejets", Number(rejets));
        Element("nombreRadiations", Number(radiations));
        Element("nombreDecisionsDalo", Number(decisions));
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteEndDocument();
        writer.Flush();
    }

    /// <inheritdoc />
    public void Dispose() => writer.Dispose();

    private void StartLine(string name, long numeroOrdre, string typeFichier, long revision)
    {
        writer.WriteStartElement(name, ReturnSchema.Namespace);
        writer.WriteAttributeString("numeroOrdre", Number(numeroOrdre));
        writer.WriteAttributeString("typeFichier", typeFichier);
        writer.WriteAttributeString("revision", Number(revision));
    }

    private void Control(ReturnControl control)
    {
        Element("codeControle", control.Code);
        Element("libelle", control.Libelle);
    }

    private void Element(string name, string value) => writer.WriteElementString(name, ReturnSchema.Namespace, value);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
