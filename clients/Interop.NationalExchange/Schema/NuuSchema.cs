using System.Xml;
using System.Xml.Schema;

namespace Interop.NationalExchange.Schema;

/// <summary>
/// Interop's schema of the national export (<c>Schema/interface-nuu-export-v1.xsd</c>,
/// embedded in this assembly), and the validation every written file passes before
/// it is published.
/// </summary>
public static class NuuSchema
{
    /// <summary>The schema's target namespace.</summary>
    public const string Namespace = "urn:interop:nuu:export:1";

    private const string ResourceName = "Interop.NationalExchange.Schema.interface-nuu-export-v1.xsd";

    private static readonly Lazy<XmlSchemaSet> Schemas = new(Load);

    /// <summary>The XSD text, as embedded.</summary>
    public static string Text()
    {
        using var stream = OpenResource();
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// Validates a document against the schema, streaming (XmlReader with
    /// <see cref="ValidationType.Schema"/>), and returns every error as
    /// "line L, position P: message"; an empty list means valid.
    /// </summary>
    /// <param name="document">The document, read from its current position; not closed.</param>
    public static IReadOnlyList<string> Validate(Stream document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var errors = new List<string>();
        var settings = new XmlReaderSettings
        {
            ValidationType = ValidationType.Schema,
            Schemas = Schemas.Value,
            ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings | XmlSchemaValidationFlags.ProcessIdentityConstraints,
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            CloseInput = false,
        };
        settings.ValidationEventHandler += (_, e) =>
            errors.Add($"line {e.Exception.LineNumber}, position {e.Exception.LinePosition}: {e.Message}");
        try
        {
            using var reader = XmlReader.Create(document, settings);
            while (reader.Read())
            {
                // Reading is validating: the handler collects what is wrong.
            }
        }
        catch (XmlException e)
        {
            errors.Add($"line {e.LineNumber}, position {e.LinePosition}: not well-formed XML: {e.Message}");
        }

        return errors;
    }

    /// <summary>Validates a file; see <see cref="Validate(Stream)"/>.</summary>
    /// <param name="path">The file to read.</param>
    public static IReadOnlyList<string> ValidateFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
        return Validate(stream);
    }

    private static XmlSchemaSet Load()
    {
        using var stream = OpenResource();
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        var set = new XmlSchemaSet { XmlResolver = null };
        set.Add(Namespace, reader);
        set.Compile();
        return set;
    }

    private static Stream OpenResource() =>
        typeof(NuuSchema).Assembly.GetManifestResourceStream(ResourceName)
        ?? throw new InvalidOperationException($"The embedded schema {ResourceName} is missing from the assembly.");
}
