using System.Text.Json;
using System.Text.Json.Nodes;
using Interop.Hub.Core.Applications;
using Interop.Hub.Core.History;
using Interop.Hub.Storage.Applications;

namespace Interop.Hub.Storage.History;

/// <summary>Between the core's history types and the jsonb columns of <c>application_history</c>.</summary>
internal static class HistoryJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Facts(HistoryFacts facts) => JsonSerializer.Serialize(
        new StoredFacts
        {
            Status = ApplicationRowMapper.StatusText(facts.Status),
            FiledDate = facts.FiledDate,
            LastRenewedDate = facts.LastRenewedDate,
            ExpiryDate = facts.ExpiryDate,
            RadiationReason = facts.Radiation is { } r ? SneCodes.Of(r.Reason) : null,
            RadiationDate = facts.Radiation?.Date,
            WarningLetterDate = facts.Radiation?.WarningLetterDate,
            InadmissibilityReason = facts.Radiation is { InadmissibilityReason: not InadmissibilityReason.Unspecified } i
                ? SneCodes.Of(i.InadmissibilityReason)
                : null,
            MergedInto = facts.MergedInto,
            HouseholdSize = facts.HouseholdSize,
            CoApplicant = facts.CoApplicant,
            Children = facts.Children,
            Typologies = facts.Typologies.Select(t => t.ToString()).ToList(),
            WishedCommunes = facts.WishedCommunes.ToList(),
            Transfer = facts.Transfer,
            PriorityHousehold = facts.PriorityHousehold,
        },
        Options);

    public static HistoryFacts FactsOf(string json)
    {
        var stored = JsonSerializer.Deserialize<StoredFacts>(json, Options) ?? throw new InvalidDataException("History facts are null.");
        return new HistoryFacts
        {
            Status = ApplicationRowMapper.StatusOf(stored.Status),
            FiledDate = stored.FiledDate,
            LastRenewedDate = stored.LastRenewedDate,
            ExpiryDate = stored.ExpiryDate,
            Radiation = stored.RadiationReason is null
                ? null
                : new Radiation(
                    SneCodes.RadiationReasonOf(stored.RadiationReason),
                    stored.RadiationDate ?? throw new InvalidDataException("A radiation without a date in the history."),
                    stored.WarningLetterDate,
                    stored.InadmissibilityReason is null ? InadmissibilityReason.Unspecified : SneCodes.InadmissibilityReasonOf(stored.InadmissibilityReason)),
            MergedInto = stored.MergedInto,
            HouseholdSize = stored.HouseholdSize,
            CoApplicant = stored.CoApplicant,
            Children = stored.Children,
            Typologies = stored.Typologies.Select(Enum.Parse<Typology>).ToList(),
            WishedCommunes = stored.WishedCommunes,
            Transfer = stored.Transfer,
            PriorityHousehold = stored.PriorityHousehold,
        };
    }

    /// <summary>The household document cut down to the parts the patch sets; null for no patch.</summary>
    public static string? Patch(HouseholdPatch? patch)
    {
        if (patch is null)
        {
            return null;
        }

        var whole = JsonNode.Parse(HouseholdJson.Serialize(patch.Values))!.AsObject();
        var kept = new JsonObject();
        foreach (var part in patch.Parts)
        {
            var key = KeyOf(part);
            kept[key] = whole[key]?.DeepClone();
        }

        return kept.ToJsonString();
    }

    public static HouseholdPatch? PatchOf(string? json)
    {
        if (json is null)
        {
            return null;
        }

        var keys = JsonNode.Parse(json)!.AsObject().Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        var parts = Enum.GetValues<HouseholdPart>().Where(p => keys.Contains(KeyOf(p))).ToHashSet();
        return new HouseholdPatch(parts, HouseholdJson.Deserialize(json));
    }

    // The household document's property names (Web defaults: camelCase), which the parts are named after.
    private static string KeyOf(HouseholdPart part) => JsonNamingPolicy.CamelCase.ConvertName(part.ToString());
}
