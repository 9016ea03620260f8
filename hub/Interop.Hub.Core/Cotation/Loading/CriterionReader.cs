using Interop.Hub.Core.Applications;
using Interop.Hub.Core.Cotation.Criteria;
using Interop.Hub.Core.Cotation.Grids;

namespace Interop.Hub.Core.Cotation.Loading;

/// <summary>
/// Reads one criterion of a grid file: its common fields, then the parameters of its kind. The kinds are a
/// closed list: a grid that names another kind is refused, never scored with a criterion silently ignored.
/// </summary>
internal static class CriterionReader
{
    public const decimal MaxPoints = 10_000;

    private static readonly string[] CommonFields = ["id", "label", "description", "kind", "validation"];

    private static readonly Dictionary<string, PriorityFlag> Flags = new(StringComparer.Ordinal)
    {
        ["daloActive"] = PriorityFlag.DaloActive,
        ["priorityPublic"] = PriorityFlag.PriorityPublic,
    };

    private static readonly Dictionary<string, DisabilityNeed> Needs = new(StringComparer.Ordinal)
    {
        ["any"] = DisabilityNeed.Any,
        ["wheelchair"] = DisabilityNeed.Wheelchair,
        ["adapted"] = DisabilityNeed.Adapted,
    };

    private static readonly Dictionary<string, SeniorityStart> Starts = new(StringComparer.Ordinal)
    {
        ["filing"] = SeniorityStart.Filing,
        ["lastRenewal"] = SeniorityStart.LastRenewal,
    };

    private sealed record KindSpec(string[] Fields, Func<GridNode, ICriterionCondition?> Build);

    // Every kind but seniority takes `points`; seniority takes `pointsPerMonth` and an optional `maxPoints`.
    private static readonly Dictionary<string, KindSpec> Kinds = new(StringComparer.Ordinal)
    {
        [OvercrowdingCondition.KindName] = new(["points", "minExcessPersons"], node =>
            node.Integer("minExcessPersons", true, 1, 20) is { } excess ? new OvercrowdingCondition(excess) : null),
        [UnderOccupationCondition.KindName] = new(["points", "minExcessRooms"], node =>
            node.Integer("minExcessRooms", true, 1, 20) is { } excess ? new UnderOccupationCondition(excess) : null),
        [RentBurdenCondition.KindName] = new(["points", "minPercent", "maxPercent"], ReadRentBurden),
        [CurrentHousingCondition.KindName] = new(["points", "housing"], node =>
            node.Codes("housing", true, 17, code => HousingCodes.TryParse(code, out _), "an SNE housing code (" + string.Join(", ", HousingCodes.All) + ")") is { } codes
                ? new CurrentHousingCondition(codes.Select(code => HousingCodes.TryParse(code, out var situation) ? situation : HousingSituation.Unspecified).ToHashSet())
                : null),
        [ReasonCondition.KindName] = new(["points", "reasons"], node =>
            node.Codes("reasons", true, 23, ReasonCondition.IsReasonCode, "an SNE reason code, 01 to 23") is { } codes
                ? new ReasonCondition(codes.ToHashSet(StringComparer.Ordinal))
                : null),
        [PriorityCondition.KindName] = new(["points", "flag"], node =>
            node.Choice("flag", true, Flags) is { } flag ? new PriorityCondition(flag) : null),
        [DisabilityCondition.KindName] = new(["points", "need"], node =>
            node.Choice("need", true, Needs) is { } need ? new DisabilityCondition(need) : null),
        [SingleParentCondition.KindName] = new(["points"], _ => new SingleParentCondition()),
        [HouseholdSizeCondition.KindName] = new(["points", "minPersons", "maxPersons"], node =>
            ReadRange(node, "minPersons", "maxPersons", 1, 17) is var (min, max) ? new HouseholdSizeCondition(min, max) : null),
        [ApplicantAgeCondition.KindName] = new(["points", "minAge", "maxAge"], node =>
            ReadRange(node, "minAge", "maxAge", 16, 120) is var (min, max) ? new ApplicantAgeCondition(min, max) : null),
        [SeniorityCondition.KindName] = new(["pointsPerMonth", "maxPoints", "since"], node =>
            node.Choice("since", true, Starts) is { } since ? new SeniorityCondition(since) : null),
        [DeclaredCondition.KindName] = new(["points"], _ => new DeclaredCondition()),
    };

    public static IEnumerable<string> KindNames => Kinds.Keys;

    public static Criterion? Read(GridNode node)
    {
        var id = GridLoader.ReadId(node, "id");
        var label = node.Text("label", true);
        node.Text("description", false, GridNode.MaxDescription);
        var role = ReadValidationRole(node);
        var kindName = node.Text("kind", true);
        if (kindName is null)
        {
            return null;
        }

        if (!Kinds.TryGetValue(kindName, out var spec))
        {
            node.Errors.Add(node.PathOf("kind"), $"unknown criterion kind '{kindName}'; expected one of: {string.Join(", ", Kinds.Keys)}.");
            return null;
        }

        node.OnlyFields([.. CommonFields, .. spec.Fields]);
        var isSeniority = kindName == SeniorityCondition.KindName;
        var points = node.Number(isSeniority ? "pointsPerMonth" : "points", true, 0, MaxPoints);
        var cap = isSeniority ? node.Number("maxPoints", false, 0, MaxPoints) : null;
        var condition = spec.Build(node);
        if (kindName == DeclaredCondition.KindName && role is null && !node.Has("validation"))
        {
            node.Errors.Add(node.PathOf("validation"), "a criterion of kind 'declared' rests on no field of the application: it needs a validation role.");
        }

        return id is null || label is null || points is null || condition is null
            ? null
            : new Criterion(id, label, points.Value, condition, cap, role);
    }

    private static string? ReadValidationRole(GridNode node)
    {
        if (node.Object("validation", false) is not { } validation)
        {
            return null;
        }

        validation.OnlyFields(["role"]);
        return validation.Text("role", true, 100);
    }

    private static RentBurdenCondition? ReadRentBurden(GridNode node)
    {
        var min = node.Number("minPercent", true, 0, 1_000);
        var max = node.Number("maxPercent", false, 0, 1_000);
        if (min is not null && max is not null && max <= min)
        {
            node.Errors.Add(node.PathOf("maxPercent"), "must be above minPercent.");
            return null;
        }

        return min is null ? null : new RentBurdenCondition(min.Value, max);
    }

    /// <summary>An inclusive range where at least one bound is given and min ≤ max; null when refused.</summary>
    private static (int? Min, int? Max)? ReadRange(GridNode node, string minField, string maxField, int lowest, int highest)
    {
        var min = node.Integer(minField, false, lowest, highest);
        var max = node.Integer(maxField, false, lowest, highest);
        if (!node.Has(minField) && !node.Has(maxField))
        {
            node.Errors.Add(node.PathOf(minField), $"give {minField}, {maxField} or both.");
            return null;
        }

        if (min is not null && max is not null && max < min)
        {
            node.Errors.Add(node.PathOf(maxField), $"must not be below {minField}.");
            return null;
        }

        return (node.Has(minField) && min is null) || (node.Has(maxField) && max is null) ? null : (min, max);
    }
}
