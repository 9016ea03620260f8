using System.Globalization;
using System.Text.Json;
using Interop.Hub.Core.Cotation.Grids;
using Interop.Hub.Core.Errors;
using Interop.Hub.Core.Numbering;
using Interop.Hub.Core.Statistics;
using Interop.Hub.Core.Validation;

namespace Interop.Hub.Core.Cotation.Loading;

/// <summary>
/// Loads one version of a grid from its JSON file (format: protos/cotation/grid.schema.json). All or
/// nothing: either a complete, consistent <see cref="CotationGrid"/>, or a <see cref="ValidationException"/>
/// listing every problem, each with its JSON path as the field and its line in the description.
/// </summary>
public static class GridLoader
{
    /// <summary>The largest grid file accepted: real grids are a few kilobytes.</summary>
    public const int MaxFileBytes = 1_048_576;

    /// <summary>The most rubrics of a grid, and criteria of a rubric.</summary>
    public const int MaxItems = 100;

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 16 };

    private static readonly Dictionary<string, RubricRule> Rules = new(StringComparer.Ordinal)
    {
        ["highest"] = RubricRule.Highest,
        ["cumulative"] = RubricRule.Cumulative,
    };

    public static CotationGrid Load(string json) => Load(System.Text.Encoding.UTF8.GetBytes(json));

    /// <summary>Loads a grid; with <paramref name="epcis"/> (the official geography), its territory must lie in its EPCI.</summary>
    /// <exception cref="ValidationException">The file is not a valid grid; nothing was loaded.</exception>
    public static CotationGrid Load(ReadOnlySpan<byte> utf8, EpciDirectory? epcis = null)
    {
        if (utf8.Length > MaxFileBytes)
        {
            throw new ValidationException("$", $"a grid file is at most {MaxFileBytes} bytes.", ErrorReasons.InvalidGrid);
        }

        if (utf8.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
        }

        using var document = Parse(utf8);
        var errors = new GridErrors(JsonLineMap.Build(utf8, new JsonReaderOptions { MaxDepth = DocumentOptions.MaxDepth }));
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            errors.Add("$", "a grid file holds one JSON object.");
            Refuse(errors);
        }

        var grid = Read(new GridNode(document.RootElement, "$", errors));
        if (grid is not null && epcis is { Count: > 0 })
        {
            GridTerritory.Check(grid, epcis, document.RootElement, errors);
        }

        Refuse(errors);
        return grid!;
    }

    private static JsonDocument Parse(ReadOnlySpan<byte> utf8)
    {
        try
        {
            return JsonDocument.Parse(utf8.ToArray(), DocumentOptions);
        }
        catch (JsonException exception)
        {
            var message = exception.Message;
            var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            var reason = cut > 0 ? message[..cut] : message;
            var line = (exception.LineNumber ?? 0) + 1;
            var column = (exception.BytePositionInLine ?? 0) + 1;
            throw new ValidationException(
                exception.Path ?? "$",
                string.Create(CultureInfo.InvariantCulture, $"line {line}, column {column}: not valid JSON: {reason}"),
                ErrorReasons.InvalidGrid);
        }
    }

    private static void Refuse(GridErrors errors)
    {
        try
        {
            errors.Violations.ThrowIfAny();
        }
        catch (ValidationException refusal)
        {
            // Same violations (with the "and N more" line), under the cotation's own reason.
            throw new ValidationException(refusal.Violations, ErrorReasons.InvalidGrid);
        }
    }

    private static CotationGrid? Read(GridNode root)
    {
        root.OnlyFields(["$schema", "gridId", "title", "description", "epci", "territory", "version", "validFrom", "validUntil", "maxPoints", "rubrics"]);
        var gridId = ReadId(root, "gridId");
        var title = root.Text("title", true);
        root.Text("description", false, GridNode.MaxDescription);
        var epci = root.Text("epci", true);
        if (epci is not null && (epci.Length != 9 || !epci.All(char.IsAsciiDigit)))
        {
            root.Errors.Add(root.PathOf("epci"), "must be the EPCI's SIREN: 9 digits.");
        }

        var (territoryName, communes) = ReadTerritory(root);
        var version = root.Integer("version", true, 1, 100_000);
        var validFrom = root.Date("validFrom", true);
        var validUntil = root.Date("validUntil", false);
        if (validFrom is not null && validUntil is not null && validUntil < validFrom)
        {
            root.Errors.Add(root.PathOf("validUntil"), "must not be before validFrom.");
        }

        var maxPoints = root.Number("maxPoints", false, 0, 1_000_000);
        var rubrics = root.Objects("rubrics", true, MaxItems).Select(ReadRubric).ToList();
        CheckUniqueIds(root, rubrics);

        return root.Errors.Violations.Any
            ? null
            : new CotationGrid
            {
                GridId = gridId!,
                Title = title!,
                Epci = epci!,
                TerritoryName = territoryName!,
                Communes = communes!,
                Version = version!.Value,
                ValidFrom = validFrom!.Value,
                ValidUntil = validUntil,
                MaxPoints = maxPoints,
                Rubrics = rubrics!,
            };
    }

    private static (string? Name, IReadOnlySet<string>? Communes) ReadTerritory(GridNode root)
    {
        if (root.Object("territory", true) is not { } territory)
        {
            return (null, null);
        }

        territory.OnlyFields(["name", "communes"]);
        var name = territory.Text("name", true);
        var communes = territory.Codes("communes", true, 2_000, InseeCodes.IsCommuneCode, "an INSEE commune code (5 characters, e.g. 69123)");
        return (name, communes?.ToHashSet(StringComparer.Ordinal));
    }

    private static Rubric? ReadRubric(GridNode node)
    {
        node.OnlyFields(["id", "label", "description", "rule", "maxPoints", "criteria"]);
        var id = ReadId(node, "id");
        var label = node.Text("label", true);
        node.Text("description", false, GridNode.MaxDescription);
        var rule = node.Choice("rule", true, Rules);
        var maxPoints = node.Number("maxPoints", false, 0, 1_000_000);
        var criteria = node.Objects("criteria", true, MaxItems).Select(CriterionReader.Read).ToList();
        return id is null || label is null || rule is null || criteria.Count == 0 || criteria.Any(criterion => criterion is null)
            ? null
            : new Rubric(id, label, rule.Value, maxPoints, criteria!);
    }

    /// <summary>
    /// Rubric ids are unique in the grid, and criterion ids too across all rubrics, because a validation
    /// names a criterion by its id alone.
    /// </summary>
    private static void CheckUniqueIds(GridNode root, IReadOnlyList<Rubric?> rubrics)
    {
        var rubricIds = new HashSet<string>(StringComparer.Ordinal);
        var criterionIds = new HashSet<string>(StringComparer.Ordinal);
        for (var r = 0; r < rubrics.Count; r++)
        {
            var rubricPath = JsonLineMap.Element(root.PathOf("rubrics"), r);
            if (rubrics[r] is not { } rubric)
            {
                continue;
            }

            if (!rubricIds.Add(rubric.Id))
            {
                root.Errors.Add(rubricPath + ".id", $"rubric id '{rubric.Id}' is used twice.");
            }

            for (var c = 0; c < rubric.Criteria.Count; c++)
            {
                if (!criterionIds.Add(rubric.Criteria[c].Id))
                {
                    root.Errors.Add(JsonLineMap.Element(rubricPath + ".criteria", c) + ".id", $"criterion id '{rubric.Criteria[c].Id}' is used twice in the grid.");
                }
            }
        }
    }

    /// <summary>An identifier: 1 to 63 lowercase letters, digits and dashes, starting with a letter or digit.</summary>
    internal static string? ReadId(GridNode node, string field)
    {
        var id = node.Text(field, true, 63);
        if (id is not null && !IsId(id))
        {
            node.Errors.Add(node.PathOf(field), $"must be 1 to 63 characters from a-z, 0-9 and '-', not starting with '-'; got {Violations.Quote(id)}.");
            return null;
        }

        return id;
    }

    public static bool IsId(string id) =>
        id.Length is >= 1 and <= 63 && id[0] != '-' && id.All(ch => char.IsAsciiLetterLower(ch) || char.IsAsciiDigit(ch) || ch == '-');
}
