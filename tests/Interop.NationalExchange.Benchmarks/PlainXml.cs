using System.Text;
using System.Xml;
using System.Xml.Linq;
using Interop.NationalExchange.Schema;

namespace Interop.NationalExchange.Benchmarks;

/// <summary>
/// The floor the job is measured against: a plain XmlWriter writing the same demandes (the first
/// demande of the job's own file, renumbered for each application), and a plain XmlReader reading
/// the same return file, with no schema, mapping, hub or state.
/// </summary>
internal static class PlainXml
{
    private static readonly XNamespace N = NuuSchema.Namespace;

    public static long Write(string exportFile, string output, int size)
    {
        var template = FirstDemande(exportFile);
        var numUnique = template.Element(N + "numUnique")!;
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, IndentChars = "  ", NewLineChars = "\n" };
        using var stream = new FileStream(output, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024);
        using var writer = XmlWriter.Create(stream, settings);
        writer.WriteStartDocument();
        writer.WriteStartElement("interfaceNuu", NuuSchema.Namespace);
        for (var i = 1; i <= size; i++)
        {
            template.SetAttributeValue("numeroOrdre", i);
            numUnique.Value = BenchStock.Number(i);
            template.WriteTo(writer);
        }

        writer.WriteEndElement();
        writer.WriteEndDocument();
        writer.Flush();
        stream.Flush(flushToDisk: true);
        return size;
    }

    /// <summary>Reads every line of a return file and the number it carries; returns the lines read.</summary>
    public static long Read(string returnFile)
    {
        using var reader = XmlReader.Create(returnFile, new XmlReaderSettings { IgnoreWhitespace = true, DtdProcessing = DtdProcessing.Prohibit });
        long lines = 0;
        long characters = 0;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (reader.LocalName is "acquittement" or "rejet" or "radiation" or "decisionDalo")
            {
                lines++;
            }
            else if (reader.LocalName == "numUnique")
            {
                characters += reader.ReadElementContentAsString().Length;
            }
        }

        return characters > 0 ? lines : 0;
    }

    private static XElement FirstDemande(string exportFile)
    {
        using var reader = XmlReader.Create(exportFile, new XmlReaderSettings { IgnoreWhitespace = true, DtdProcessing = DtdProcessing.Prohibit });
        reader.MoveToContent();
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "demande")
            {
                return (XElement)XNode.ReadFrom(reader);
            }
        }

        throw new InvalidDataException($"{exportFile} holds no demande.");
    }
}
