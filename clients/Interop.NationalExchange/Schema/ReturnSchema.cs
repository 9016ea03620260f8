namespace Interop.NationalExchange.Schema;

/// <summary>
/// Interop's schema of the national registry's return files
/// (<c>Schema/interface-nuu-retour-v1.xsd</c>, embedded in this assembly): every
/// return file is validated against it before anything of it is applied.
/// </summary>
public static class ReturnSchema
{
    /// <summary>The schema's target namespace.</summary>
    public const string Namespace = "urn:interop:nuu:retour:1";

    internal static readonly EmbeddedSchema Schema = new(Namespace, "Interop.NationalExchange.Schema.interface-nuu-retour-v1.xsd");

    /// <summary>The XSD text, as embedded.</summary>
    public static string Text() => Schema.Text();

    /// <summary>Validates a document, streaming; every error as "line L, position P: message", none when valid.</summary>
    /// <param name="document">The document, read from its current position; not closed.</param>
    public static IReadOnlyList<string> Validate(Stream document) => Schema.Validate(document);

    /// <summary>Validates a file; see <see cref="Validate(Stream)"/>.</summary>
    /// <param name="path">The file to read.</param>
    public static IReadOnlyList<string> ValidateFile(string path) => Schema.ValidateFile(path);
}
