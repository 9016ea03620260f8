using Google.Protobuf.WellKnownTypes;
using Interop.Hub.Core.Validation;

namespace Interop.Hub.Registry;

/// <summary>
/// The one way requests' <c>Timestamp</c>, <c>Duration</c> and
/// <c>FieldMask</c> values enter the hub: checked against their ranges
/// (<see cref="WellKnownRules"/>) before any conversion, since
/// <c>ToDateTimeOffset()</c> and <c>ToTimeSpan()</c> throw on a value
/// proto3 happily carries (negative nanos), which would answer INTERNAL.
/// Calendar dates go through <see cref="DateMapping"/>.
/// </summary>
internal static class WellKnownTypes
{
    /// <summary>The most paths a field mask may name; the contract's masks name a dozen fields at most.</summary>
    public const int MaxMaskPaths = 20;

    /// <summary>The instant, null when unset or invalid (then a violation on <paramref name="field"/>).</summary>
    public static DateTimeOffset? ToInstant(Timestamp? timestamp, string field, Violations violations)
    {
        if (timestamp is null)
        {
            return null;
        }

        if (WellKnownRules.TimestampProblem(timestamp.Seconds, timestamp.Nanos) is { } problem)
        {
            violations.Add(field, problem);
            return null;
        }

        return timestamp.ToDateTimeOffset();
    }

    /// <summary>The duration, null when unset or invalid (then a violation on <paramref name="field"/>).</summary>
    public static TimeSpan? ToTimeSpan(Duration? duration, string field, Violations violations)
    {
        if (duration is null)
        {
            return null;
        }

        if (WellKnownRules.DurationProblem(duration.Seconds, duration.Nanos) is { } problem)
        {
            violations.Add(field, problem);
            return null;
        }

        return duration.ToTimeSpan();
    }

    /// <summary>
    /// The distinct trimmed paths of a mask, each one of <paramref name="allowed"/>
    /// (top-level fields: sub-paths are not offered).
    /// </summary>
    public static IReadOnlyList<string> MaskPaths(FieldMask? mask, string field, IReadOnlySet<string> allowed, bool required, Violations violations)
    {
        var paths = mask?.Paths.Select(p => p.Trim()).ToList() ?? [];
        if (paths.Count == 0 && required)
        {
            violations.Add(field, "Name at least one field to change.");
        }

        if (!RequestRules.ListSize(paths.Count, field, MaxMaskPaths, violations))
        {
            return [];
        }

        foreach (var path in paths.Where(p => !allowed.Contains(p)).Distinct())
        {
            violations.Add(field, $"{Violations.Quote(path)} cannot be changed; changeable fields: {string.Join(", ", allowed.Order(StringComparer.Ordinal))}.");
        }

        return paths.Distinct().ToList();
    }
}
