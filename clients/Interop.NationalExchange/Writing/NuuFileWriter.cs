using System.Globalization;
using System.Text;
using System.Xml;
using Interop.Contracts.V1;
using Interop.NationalExchange.Mapping;

namespace Interop.NationalExchange.Writing;

/// <summary>
/// Streams a national file with <see cref="XmlWriter"/>: one <c>demande</c> at a
/// time, never a document of the whole file in memory. The control count of
/// demandes goes in the closing <c>pied</c>, since it is known only at the end.
/// </summary>
internal sealed class NuuFileWriter : IDisposable
{
    /// <summary>The schema's namespace (Schema/interface-nuu-export-v1.xsd).</summary>
    public const string Namespace = "urn:interop:nuu:export:1";

    /// <summary>The interface version the root carries.</summary>
    public const string VersionInterface = "02.01";

    private static readonly XmlWriterSettings Settings = new()
    {
        // UTF-8 without a byte order mark, LF, two-space indent: the same bytes on every machine.
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        NewLineHandling = NewLineHandling.Replace,
        CloseOutput = false,
    };

    private readonly XmlWriter writer;
    private long written;

    public NuuFileWriter(Stream output, NuuFileHeader header)
    {
        writer = XmlWriter.Create(output, Settings);
        writer.WriteStartDocument();
        writer.WriteStartElement("interfaceNuu", Namespace);
        writer.WriteAttributeString("versionInterface", VersionInterface);
        writer.WriteStartElement("entete", Namespace);
        Element("typeFichier", "FLX");
        Element("dateFichier", Date(header.DateFichier));
        Element("numeroFichier", Number(header.NumeroFichier));
        Element("changementsApres", Number(header.After));
        writer.WriteEndElement();
    }

    public void Write(NuuDemande demande)
    {
        var change = demande.Change;
        var state = change.ApplicationState;
        writer.WriteStartElement("demande", Namespace);
        writer.WriteAttributeString("typeFichier", demande.TypeFichier);
        writer.WriteAttributeString("numeroOrdre", Number(change.ChangeSeq));
        writer.WriteAttributeString("revision", Number(change.Revision));
        Element("numUnique", state.Number);
        Element("dateEvenement", Date(demande.DateEvenement));

        writer.WriteStartElement("demandeLogement", Namespace);
        Element("numGuichet", state.RegisteringDesk);
        Element("departement", state.Departement);
        Element("dateCreationDemande", Date(state.FiledDate));
        if (state.LastRenewedDate is { Year: > 0 } renewed)
        {
            Element("dateDernierRenouvellement", Date(renewed));
        }

        if (state.ExpiryDate is { Year: > 0 } expiry)
        {
            Element("dateFinValidite", Date(expiry));
        }

        writer.WriteStartElement("logementRecherche", Namespace);
        Element("demandeElargie", state.Wishes.BroaderSearchAccepted ? "true" : "false");
        if (SneCodes.Of(state.Wishes.Category) is { } category)
        {
            Element("categorieLogement", category);
        }

        writer.WriteStartElement("listeTypeLogement", Namespace);
        foreach (var typology in state.Wishes.Typologies)
        {
            writer.WriteStartElement("typeLogement", Namespace);
            writer.WriteAttributeString("code", SneCodes.Of(typology));
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        writer.WriteStartElement("listeLocalisationSouhaite", Namespace);
        foreach (var commune in state.Wishes.CommuneCodes)
        {
            writer.WriteStartElement("localisationSouhaite", Namespace);
            writer.WriteStartElement("commune", Namespace);
            writer.WriteAttributeString("code", commune);
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteEndElement();

        if (demande.Motif is not null)
        {
            writer.WriteStartElement("radiation", Namespace);
            Element("motif", demande.Motif);
            if (demande.SousMotif is not null)
            {
                Element("sousMotif", demande.SousMotif);
            }

            if (demande.Motif.Length > 0 && state.Radiation?.RadiationDate is { Year: > 0 } radiated)
            {
                Element("dateRadiation", Date(radiated));
            }

            writer.WriteEndElement();
        }

        if (demande.FusionCible is not null)
        {
            writer.WriteStartElement("fusion", Namespace);
            Element("numUniqueCible", demande.FusionCible);
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        written++;

        // Bounded memory: what is written goes to the stream now.
        writer.Flush();
    }

    /// <summary>Closes the document with the <c>pied</c>: the range's last change_seq and the control count, both known only at the end.</summary>
    public void Complete(long through)
    {
        writer.WriteStartElement("pied", Namespace);
        Element("changementsJusqua", Number(through));
        Element("nombreDemandes", Number(written));
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteEndDocument();
        writer.Flush();
    }

    public void Dispose() => writer.Dispose();

    private void Element(string name, string value) => writer.WriteElementString(name, Namespace, value);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Date(Google.Type.Date date) => Date(new DateOnly(date.Year, date.Month, date.Day));
}
