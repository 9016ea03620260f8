using System.Xml.Linq;
using Interop.NationalExchange.Schema;

namespace Interop.NationalExchange.Tests;

/// <summary>A published file read back by the test (a DOM is fine for a test-sized file).</summary>
public sealed record NuuFile(XDocument Document)
{
    public static readonly XNamespace N = NuuSchema.Namespace;

    public static NuuFile Load(string path) => new(XDocument.Load(path));

    public IReadOnlyList<XElement> Demandes => [.. Document.Root!.Elements(N + "demande")];

    /// <summary>Each demande as "TYPE number [motif]".</summary>
    public IReadOnlyList<string> Lines => [.. Demandes.Select(d =>
        $"{d.Attribute("typeFichier")!.Value} {d.Element(N + "numUnique")!.Value}"
        + (d.Element(N + "radiation") is { } r ? $" motif={r.Element(N + "motif")!.Value}" : ""))];

    public string Header(string name) => Document.Root!.Element(N + "entete")!.Element(N + name)!.Value;

    public string Footer(string name) => Document.Root!.Element(N + "pied")!.Element(N + name)!.Value;
}
