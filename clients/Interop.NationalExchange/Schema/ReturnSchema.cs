namespace Interop.NationalExchange.Schema;

/// <summary>
/// Interop's schema of the national registry's return files
/// (<c>Schema/interface-nuu-retour-v2.xsd</c>, embedded in this assembly, and
/// version 1 before it): every return file is validated against the version its
/// namespace names before anything of it is applied.
/// </summary>
public static class ReturnSchema
{
    /// <summary>The current version's target namespace (version 2: with the DALO decisions); files are written in it.</summary>
    public const string Namespace = "urn:interop:nuu:retour:2";

    /// <summary>Version 1's namespace (no DALO decisions), still read.</summary>
    public const string NamespaceV1 = "urn:interop:nuu:retour:1";

    internal static readonly EmbeddedSchema Schema = new(
        (Namespace, "Interop.NationalExchange.Schema.interface-nuu-retour-v2.xsd"),
        (NamespaceV1, "Interop.NationalExchange.Schema.interface-nuu-retour-v1.xsd"));

    /// <summary>The current version's XSD text, as embedded.</summary>
    public static string Text() => Schema.Text();

    /// <summary>Validates a document, streaming; every error as "line L, position P: message", none when valid.</summary>
    /// <param name="document">The document, read from its current position; not closed.</param>
    public static IReadOnlyList<string> Validate(Stream document) => Schema.Validate(document);

    /// <summary>Validates a file; see <see cref="Validate(Stream)"/>.</summary>
    /// <param name="path">The file to read.</param>
    public static IReadOnlyList<string> ValidateFile(string path) => Schema.ValidateFile(path);
}
