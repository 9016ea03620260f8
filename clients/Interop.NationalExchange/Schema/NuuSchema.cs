namespace Interop.NationalExchange.Schema;

/// <summary>
/// Interop's schema of the national export (<c>Schema/interface-nuu-export-v1.xsd</c>,
/// embedded in this assembly), and the validation every written file passes before
/// it is published (and every file the simulated national registry receives).
/// </summary>
public static class NuuSchema
{
    /// <summary>The schema's target namespace.</summary>
    public const string Namespace = "urn:interop:nuu:export:1";

    internal static readonly EmbeddedSchema Schema = new((Namespace, "Interop.NationalExchange.Schema.interface-nuu-export-v1.xsd"));

    /// <summary>The XSD text, as embedded.</summary>
    public static string Text() => Schema.Text();

    /// <summary>
    /// Validates a document against the schema, streaming (XmlReader with
    /// schema validation), and returns every error as "line L, position P:
    /// message"; an empty list means valid.
    /// </summary>
    /// <param name="document">The document, read from its current position; not closed.</param>
    public static IReadOnlyList<string> Validate(Stream document) => Schema.Validate(document);

    /// <summary>Validates a file; see <see cref="Validate(Stream)"/>.</summary>
    /// <param name="path">The file to read.</param>
    public static IReadOnlyList<string> ValidateFile(string path) => Schema.ValidateFile(path);
}
