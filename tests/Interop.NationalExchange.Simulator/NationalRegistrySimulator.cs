using System.Globalization;
using System.Security.Cryptography;
using System.Xml;
using System.Xml.Linq;
using Interop.NationalExchange.Returns;
using Interop.NationalExchange.Schema;

namespace Interop.NationalExchange.Simulator;

/// <summary>
/// A small national registry for tests and demos. It takes our export files,
/// validates them against the same XSD, applies controls of its own (an unknown
/// desk GUI01, a commune that does not exist COM01, a modification of an
/// application it never took NUM01, a creation of a number it already holds
/// NUM02), and answers each with a return file: an acknowledgement per line
/// taken (with the national status it led to), a rejection per line refused, and
/// the radiations and DALO decisions taken on its side since the last return.
/// </summary>
public sealed class NationalRegistrySimulator(SimulatorOptions options)
{
    private static readonly XNamespace N = NuuSchema.Namespace;

    /// <summary>The registry's state as saved in its folder.</summary>
    public SimulatedRegistry Registry => SimulatedRegistry.Load(options.Directory);

    /// <summary>Decides a radiation on the national side (an attribution elsewhere…): it goes in the next return file.</summary>
    public void RadiateElsewhere(string number, string motif, DateOnly date, string? sousMotif = null)
    {
        var registry = Registry;
        registry.PendingRadiations.Add(new PendingRadiation(number, motif, sousMotif, date));
        registry.Save(options.Directory);
    }

    /// <summary>
    /// Radiates, as attributed elsewhere (RADATT), a share of the active numbers it holds, chosen
    /// by a seeded draw so a run is repeatable; returns the numbers chosen.
    /// </summary>
    public IReadOnlyList<string> RadiateSeeded(int seed, double share, DateOnly date)
    {
        var random = new Random(seed);
        var registry = Registry;
        var chosen = registry.Applications.Where(a => a.Value.Statut == "ACT" && random.NextDouble() < share).Select(a => a.Key).ToList();
        registry.PendingRadiations.AddRange(chosen.Select(n => new PendingRadiation(n, "RADATT", null, date)));
        registry.Save(options.Directory);
        return chosen;
    }

    /// <summary>Records a DALO decision on the national side (NON, ACTIF, CADUC, ACTREL): it goes in the next return file.</summary>
    public void DecideDalo(string number, string statutDalo, DateOnly date)
    {
        var registry = Registry;
        registry.PendingDaloDecisions.Add(new PendingDaloDecision(number, statutDalo, date));
        registry.Save(options.Directory);
    }

    /// <summary>
    /// Recognises DALO (ACTIF) a share of the active numbers it holds, chosen by a seeded draw so a
    /// run is repeatable; returns the numbers chosen.
    /// </summary>
    public IReadOnlyList<string> DecideDaloSeeded(int seed, double share, DateOnly date)
    {
        var random = new Random(seed);
        var registry = Registry;
        var chosen = registry.Applications.Where(a => a.Value.Statut == "ACT" && random.NextDouble() < share).Select(a => a.Key).ToList();
        registry.PendingDaloDecisions.AddRange(chosen.Select(n => new PendingDaloDecision(n, "ACTIF", date)));
        registry.Save(options.Directory);
        return chosen;
    }

    /// <summary>Answers an export file with a return file written in <paramref name="returnDirectory"/>; returns its path.</summary>
    public string Process(string exportFile, string returnDirectory)
    {
        Directory.CreateDirectory(returnDirectory);
        var registry = Registry;
        var sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(exportFile)));
        if (registry.Answered.TryGetValue(sha, out var answered) && File.Exists(answered))
        {
            return answered;
        }

        var date = ReadDate(exportFile);
        var number = ++registry.LastReturn;
        var path = Path.Combine(returnDirectory, string.Create(CultureInfo.InvariantCulture, $"retour-{date:yyyyMMdd}-{number:D4}.xml"));
        var errors = NuuSchema.ValidateFile(exportFile);
        var header = new ReturnFileHeader(
            date,
            number,
            Path.GetFileName(exportFile),
            errors.Count > 0 ? new ReturnControl("XSD01", Truncate("Fichier non conforme au schéma : " + errors[0])) : null,
            registry.PendingRadiations.Select(r => r.Date).Concat(registry.PendingDaloDecisions.Select(d => d.Date)).Order().Cast<DateOnly?>().FirstOrDefault());
        using (var stream = File.Create(path))
        using (var writer = new ReturnFileWriter(stream, header))
        {
            if (errors.Count == 0)
            {
                foreach (var demande in Demandes(exportFile))
                {
                    writer.Write(Control(registry, demande));
                }
            }

            foreach (var radiation in registry.PendingRadiations)
            {
                writer.Write(new RadiationAilleurs { Number = radiation.Number, Motif = radiation.Motif, SousMotif = radiation.SousMotif, DateRadiation = radiation.Date });
                if (registry.Applications.TryGetValue(radiation.Number, out var held))
                {
                    registry.Applications[radiation.Number] = held with { Statut = "RAD", Motif = radiation.Motif };
                }
            }

            registry.PendingRadiations.Clear();
            foreach (var decision in registry.PendingDaloDecisions)
            {
                writer.Write(new DecisionDalo { Number = decision.Number, StatutDalo = decision.StatutDalo, DateDecision = decision.Date });
            }

            registry.PendingDaloDecisions.Clear();
            writer.Complete();
        }

        registry.Answered[sha] = path;
        registry.Save(options.Directory);
        return path;
    }

    private ReturnLine Control(SimulatedRegistry registry, XElement demande)
    {
        var type = demande.Attribute("typeFichier")!.Value;
        var ordre = long.Parse(demande.Attribute("numeroOrdre")!.Value, CultureInfo.InvariantCulture);
        var revision = long.Parse(demande.Attribute("revision")!.Value, CultureInfo.InvariantCulture);
        var number = demande.Element(N + "numUnique")!.Value;
        var logement = demande.Element(N + "demandeLogement")!;
        var desk = logement.Element(N + "numGuichet")!.Value;
        var communes = logement.Descendants(N + "commune").Select(c => c.Attribute("code")!.Value).ToList();
        registry.Applications.TryGetValue(number, out var held);

        Rejet Reject(string code, string message) => new()
        {
            Number = number, NumeroOrdre = ordre, TypeFichier = type, Revision = revision, CodeControle = code, Libelle = message,
        };

        if (options.KnownDesks is { } desks && !desks.Contains(desk))
        {
            return Reject("GUI01", $"Guichet {desk} inconnu du système national");
        }

        if (options.KnownCommunes is { } known && communes.FirstOrDefault(c => !known.Contains(c)) is { } unknown)
        {
            return Reject("COM01", $"Commune {unknown} inexistante au code officiel géographique");
        }

        if (type == "CRE" && held is not null)
        {
            return Reject("NUM02", "Numéro unique déjà enregistré");
        }

        if (type != "CRE" && held is null)
        {
            return Reject("NUM01", "Demande inconnue du système national");
        }

        var radiation = demande.Element(N + "radiation");
        var fusion = demande.Element(N + "fusion");
        var (statut, motif) = (type, radiation?.Element(N + "motif")?.Value) switch
        {
            ("RAD", { Length: > 0 } code) => ("RAD", code),
            ("SUP", _) when fusion is not null => ("SUP", (string?)null),
            _ => ("ACT", null),
        };
        registry.Applications[number] = new SimulatedApplication(desk, Math.Max(revision, held?.Revision ?? 0), statut, motif);
        return new Acquittement { Number = number, NumeroOrdre = ordre, TypeFichier = type, Revision = revision, Statut = statut, Motif = motif };
    }

    /// <summary>The demandes of an export file, one element at a time (XmlReader; no DOM of the file).</summary>
    private static IEnumerable<XElement> Demandes(string exportFile)
    {
        using var reader = XmlReader.Create(exportFile, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreWhitespace = true });
        reader.MoveToContent();
        reader.Read();
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "demande")
            {
                yield return (XElement)XNode.ReadFrom(reader);
            }
            else
            {
                reader.Read();
            }
        }
    }

    private static DateOnly ReadDate(string exportFile)
    {
        try
        {
            using var reader = XmlReader.Create(exportFile, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
            return reader.ReadToFollowing("dateFichier", NuuSchema.Namespace)
                && DateOnly.TryParseExact(reader.ReadElementContentAsString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date
                : DateOnly.FromDateTime(DateTime.UnixEpoch);
        }
        catch (XmlException)
        {
            return DateOnly.FromDateTime(DateTime.UnixEpoch);
        }
    }

    private static string Truncate(string text) => text.Length <= 500 ? text : text[..500];
}
