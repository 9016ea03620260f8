using System.Xml;
using System.Xml.Schema;

namespace Interop.NationalExchange.Schema;

/// <summary>
/// An XSD embedded in this assembly, and the streaming validation every national file passes,
/// both ways. Several versions (one namespace each) may be given: a document validates against
/// the one its root's namespace names; the first is the current one, whose text <see cref="Text"/> gives.
/// </summary>
internal sealed class EmbeddedSchema
{
    private readonly Lazy<XmlSchemaSet> schemas;
    private readonly string currentResource;

    public EmbeddedSchema(params (string TargetNamespace, string ResourceName)[] versions)
    {
        currentResource = versions[0].ResourceName;
        schemas = new(() => Load(versions));
    }

    public string Text()
    {
        using var stream = OpenResource(currentResource);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Reads the whole document with a validating XmlReader; every error as "line L, position P: message".</summary>
    public IReadOnlyList<string> Validate(Stream document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var errors = new List<string>();
        var settings = ReaderSettings(errors);
        try
        {
            using var reader = XmlReader.Create(document, settings);
            var lineInfo = (IXmlLineInfo)reader;
            long previous = 0;
            while (reader.Read())
            {
                // Reading is validating: the handler collects what is wrong. The schemas' xs:unique on
                // numeroOrdre is not processed (the validator would keep every key of the file: about
                // 300 bytes a line, 300 MB for a million); the lines carrying one must come in strictly
                // ascending numeroOrdre instead, checked here in constant memory, which makes each unique.
                if (reader.NodeType == XmlNodeType.Element
                    && reader.GetAttribute("numeroOrdre") is { } text
                    && long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ordre))
                {
                    if (ordre <= previous)
                    {
                        errors.Add(System.FormattableString.Invariant(
                            $"line {lineInfo.LineNumber}, position {lineInfo.LinePosition}: numeroOrdre {ordre} after {previous}: the lines come in strictly ascending numeroOrdre, so each is unique"));
                    }

                    previous = ordre;
                }
            }
        }
        catch (XmlException e)
        {
            errors.Add($"line {e.LineNumber}, position {e.LinePosition}: not well-formed XML: {e.Message}");
        }

        return errors;
    }

    public IReadOnlyList<string> ValidateFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
        return Validate(stream);
    }

    /// <summary>Settings of a validating reader that adds each error to <paramref name="errors"/>.</summary>
    public XmlReaderSettings ReaderSettings(List<string> errors)
    {
        var settings = new XmlReaderSettings
        {
            ValidationType = ValidationType.Schema,
            Schemas = schemas.Value,
            ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings,
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            CloseInput = false,
            IgnoreWhitespace = true,
            IgnoreComments = true,
        };
        settings.ValidationEventHandler += (_, e) =>
            errors.Add($"line {e.Exception.LineNumber}, position {e.Exception.LinePosition}: {e.Message}");
        return settings;
    }

    private static XmlSchemaSet Load((string TargetNamespace, string ResourceName)[] versions)
    {
        var set = new XmlSchemaSet { XmlResolver = null };
        foreach (var (targetNamespace, resourceName) in versions)
        {
            using var stream = OpenResource(resourceName);
            using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            set.Add(targetNamespace, reader);
        }

        set.Compile();
        return set;
    }

    private static Stream OpenResource(string resourceName) =>
        typeof(EmbeddedSchema).Assembly.GetManifestResourceStream(resourceName)
        ?? throw new InvalidOperationException($"The embedded schema {resourceName} is missing from the assembly.");
}
