using System.Globalization;
using System.Security.Cryptography;
using Interop.Adapters.Sdk.Mapping;
using Interop.Adapters.Sdk.Outbound;
using Interop.Contracts.V1;
using static Interop.Adapters.Files.Csv.CsvColumns;

namespace Interop.Adapters.Files.Csv;

/// <summary>
/// One CSV export parsed into ERP changes. Each data line is a change whose id is the file's name,
/// a hash of its content and the line number, so the same file read again (after a crash) gives the
/// same request ids, and another export that happens to have the same name does not.
/// </summary>
public sealed class CsvExport
{
    private readonly string contentHash;

    private CsvExport(string fileName, string contentHash, string encoding, char separator, List<ErpChange> changes, List<RejectedLine> rejected)
    {
        this.contentHash = contentHash;
        FileName = fileName;
        Encoding = encoding;
        Separator = separator;
        Changes = changes;
        Rejected = rejected;
    }

    public string FileName { get; }

    /// <summary><c>utf-8</c> or <c>windows-1252</c>.</summary>
    public string Encoding { get; }

    public char Separator { get; }

    /// <summary>The good lines' changes, in line order; <see cref="ErpChange.Marker"/> is <c>{file}\t{line}</c>.</summary>
    public IReadOnlyList<ErpChange> Changes { get; }

    /// <summary>The lines refused while reading, with why.</summary>
    public IReadOnlyList<RejectedLine> Rejected { get; }

    /// <summary>The prefix of the change ids of this export (dead letters are matched on it).</summary>
    public string ChangeIdPrefix => Prefix(FileName, contentHash);

    /// <summary>Parses the file at <paramref name="path"/>.</summary>
    public static CsvExport Read(string path, DateTimeOffset readAt)
    {
        var bytes = File.ReadAllBytes(path);
        var fileName = Path.GetFileName(path);
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes))[..12];
        var text = CsvText.Decode(bytes, out var encoding);
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var changes = new List<ErpChange>();
        var rejected = new List<RejectedLine>();
        var separator = CsvText.DetectSeparator(lines.Count > 0 ? lines[0] : "");
        var header = lines.Count > 0 ? CsvText.Split(lines[0], separator).Select(h => h.ToLowerInvariant()).ToList() : [];
        if (!header.Contains(Dossier))
        {
            rejected.Add(new RejectedLine(1, $"the header line names no '{Dossier}' column (found: {string.Join(", ", header)})"));
            return new CsvExport(fileName, hash, encoding, separator, changes, rejected);
        }

        for (var i = 1; i < lines.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            var lineNumber = i + 1;
            var values = CsvText.Split(lines[i], separator);
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var c = 0; c < header.Count && c < values.Count; c++)
            {
                row[header[c]] = values[c];
            }

            try
            {
                changes.Add(ToChange(row, fileName, hash, lineNumber, readAt));
            }
            catch (FormatException e)
            {
                rejected.Add(new RejectedLine(lineNumber, e.Message));
            }
        }

        return new CsvExport(fileName, hash, encoding, separator, changes, rejected);
    }

    /// <summary>The prefix of the change ids of a file with this name and content hash.</summary>
    public static string Prefix(string fileName, string hash) => $"{fileName}#{hash}:";

    /// <summary>The line number of a change id of this export, or null.</summary>
    public int? LineOf(string changeId) =>
        changeId.StartsWith(ChangeIdPrefix, StringComparison.Ordinal) && int.TryParse(changeId.AsSpan(ChangeIdPrefix.Length), CultureInfo.InvariantCulture, out var line) ? line : null;

    private static ErpChange ToChange(Dictionary<string, string> row, string fileName, string hash, int line, DateTimeOffset readAt)
    {
        var dossier = Value(row, Dossier) ?? throw new FormatException($"'{Dossier}' is empty: every line names its file in the ERP");
        var action = (Value(row, Operation) ?? "INSCRIPTION").ToUpperInvariant();
        var kind = action switch
        {
            "INSCRIPTION" => ErpChangeKind.Register,
            "MODIFICATION" => ErpChangeKind.Update,
            "RENOUVELLEMENT" => ErpChangeKind.Renew,
            "RADIATION" => ErpChangeKind.Radiate,
            "BAIL" => ErpChangeKind.Attribute,
            _ => throw new FormatException($"'{Operation}' is '{action}': INSCRIPTION, MODIFICATION, RENOUVELLEMENT, RADIATION or BAIL"),
        };
        var codes = new List<ErpCode>();
        var changed = new List<string>();
        Application? application = kind switch
        {
            ErpChangeKind.Register => Registration(row, codes),
            ErpChangeKind.Update => Modification(row, codes, changed),
            _ => null,
        };
        var radiationReason = kind == ErpChangeKind.Radiate
            ? Value(row, MotifRadiation) ?? throw new FormatException($"'{MotifRadiation}' is required with RADIATION")
            : null;
        return new ErpChange
        {
            ChangeId = Prefix(fileName, hash) + line.ToString(CultureInfo.InvariantCulture),
            ErpRecordId = dossier,
            Kind = kind,
            Marker = fileName + "\t" + line.ToString(CultureInfo.InvariantCulture),
            Application = application,
            Codes = codes,
            ChangedFields = changed,
            RadiationReasonCode = radiationReason,
            Attribution = kind == ErpChangeKind.Attribute ? Lease(row) : null,
            ChangedAt = readAt,
        };
    }

    private static Application Registration(Dictionary<string, string> row, List<ErpCode> codes)
    {
        var birth = Date(Required(row, DateNaissance), DateNaissance);
        var application = new Application
        {
            Departement = Required(row, Departement),
            Applicant = new Person
            {
                LastName = Required(row, Nom),
                FirstNames = { Required(row, Prenom) },
                BirthDate = birth,
                BirthPlace = new BirthPlace { CommuneCode = Required(row, CommuneNaissance) },
                Contact = new Contact { Email = Value(row, Courriel) ?? "" },
            },
            Resources = new Resources { MonthlyIncomeEur = Income(Required(row, Revenu)) },
            Wishes = new Wishes { CommuneCodes = { List(Required(row, Communes)) } },
            CurrentDwelling = Dwelling(row),
        };
        codes.Add(new("applicant.sex", Required(row, Sexe)));
        codes.Add(new("applicant.nationality_class", Required(row, Nationalite)));
        codes.Add(new("family_situation", Required(row, Situation)));
        codes.Add(new("current_housing", Required(row, Logement)));
        codes.AddRange(List(Required(row, Motifs)).Select(m => new ErpCode("reason_codes", m)));
        codes.AddRange(List(Required(row, Typologies)).Select(t => new ErpCode("wishes.typologies", t)));
        return application;
    }

    /// <summary>An update sets the groups whose columns the line fills: housing, income, family situation, wishes.</summary>
    private static Application Modification(Dictionary<string, string> row, List<ErpCode> codes, List<string> changed)
    {
        var application = new Application();
        if (Value(row, Logement) is { } housing)
        {
            codes.Add(new("current_housing", housing));
            changed.Add("current_housing");
        }

        if (Value(row, Situation) is { } situation)
        {
            codes.Add(new("family_situation", situation));
            changed.Add("family_situation");
        }

        if (Value(row, Revenu) is { } income)
        {
            application.Resources = new Resources { MonthlyIncomeEur = Income(income) };
            changed.Add("resources");
        }

        // The hub replaces the current dwelling whole: a line giving only one fact leaves the other unknown.
        if (Dwelling(row) is { } dwelling)
        {
            application.CurrentDwelling = dwelling;
            changed.Add("current_dwelling");
        }

        if (Value(row, Typologies) is { } typologies && Value(row, Communes) is { } communes)
        {
            application.Wishes = new Wishes { CommuneCodes = { List(communes) } };
            codes.AddRange(List(typologies).Select(t => new ErpCode("wishes.typologies", t)));
            changed.Add("wishes");
        }

        return changed.Count > 0 ? application : throw new FormatException("MODIFICATION fills none of logement, situation, revenu, pieces/loyer, typologies+communes");
    }

    /// <summary>A signed lease: the dwelling and its codes; the steps before it are dated with the lease (or the hub's day).</summary>
    private static ErpAttribution Lease(Dictionary<string, string> row)
    {
        var leased = Value(row, DateBail) is { } day ? Date(day, DateBail) : null;
        var date = leased is null ? (DateOnly?)null : new DateOnly(leased.Year, leased.Month, leased.Day);
        return new ErpAttribution
        {
            DwellingId = Required(row, LogementAttribue),
            CommuneCode = Required(row, CommuneLogement),
            TypologyCode = Required(row, TypologieLogement),
            ReservationHolderCode = Required(row, Contingent),
            CollectiveAgreementCode = Required(row, AccordCollectif),
            CalDecisionDate = date,
            LeaseDate = date,
            Dalo = Value(row, Dalo) is { } dalo && dalo.Equals("O", StringComparison.OrdinalIgnoreCase),
        };
    }

    /// <summary>The current dwelling's facts the line gives (each one only when given: unknown is not zero), or null when none.</summary>
    private static CurrentDwellingFacts? Dwelling(Dictionary<string, string> row)
    {
        var (rooms, rent) = (Value(row, Pieces), Value(row, Loyer));
        if (rooms is null && rent is null)
        {
            return null;
        }

        int? mainRooms = rooms is null ? null
            : int.TryParse(rooms, NumberStyles.None, CultureInfo.InvariantCulture, out var count)
                ? count
                : throw new FormatException($"'{Pieces}' is '{rooms}', not a whole number of rooms");
        long? monthlyRent = rent is null ? null
            : long.TryParse(rent.Replace(" ", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var euros)
                ? euros
                : throw new FormatException($"'{Loyer}' is '{rent}', not a whole number of euros");
        return CurrentDwellingMapping.From(mainRooms, monthlyRent);
    }

    private static string? Value(Dictionary<string, string> row, string column) =>
        row.TryGetValue(column, out var value) && value.Length > 0 ? value : null;

    private static string Required(Dictionary<string, string> row, string column) =>
        Value(row, column) ?? throw new FormatException($"'{column}' is empty");

    private static string[] List(string value) => value.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static Google.Type.Date Date(string value, string column)
    {
        string[] formats = ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"];
        return DateOnly.TryParseExact(value, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? new Google.Type.Date { Year = date.Year, Month = date.Month, Day = date.Day }
            : throw new FormatException($"'{column}' is '{value}', not a date JJ/MM/AAAA");
    }

    private static long Income(string value) =>
        long.TryParse(value.Replace(" ", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var income)
            ? income
            : throw new FormatException($"'{Revenu}' is '{value}', not a whole number of euros");
}
