using CsCheck;
using Google.Protobuf.WellKnownTypes;

namespace Interop.Hub.Tests.Robustness;

/// <summary>
/// Values of the well-known types, valid and not: instants outside
/// 0001-01-01..9999-12-31 or with nanos out of 0..999,999,999, durations out
/// of range or with nanos of the other sign, calendar dates that do not exist
/// (2026-02-30, month 13, year 0, partial dates), masks naming unknown paths.
/// </summary>
internal static class WellKnownValues
{
    private const long MaxTimestampSeconds = 253_402_300_799;
    private const long MinTimestampSeconds = -62_135_596_800;
    private const long MaxDurationSeconds = 315_576_000_000;

    public static Gen<Timestamp> Timestamps() => Gen.Frequency(
        (3, Gen.Long[1_700_000_000, 1_900_000_000].Select(s => new Timestamp { Seconds = s })),
        (1, Gen.OneOf(
            new Timestamp(),
            new Timestamp { Seconds = MinTimestampSeconds },
            new Timestamp { Seconds = MaxTimestampSeconds, Nanos = 999_999_999 })),
        (3, Gen.OneOf(
            new Timestamp { Seconds = 1_780_000_000, Nanos = -1 },
            new Timestamp { Seconds = 1_780_000_000, Nanos = 1_000_000_000 },
            new Timestamp { Seconds = 1_780_000_000, Nanos = int.MinValue },
            new Timestamp { Seconds = MaxTimestampSeconds + 1 },
            new Timestamp { Seconds = MinTimestampSeconds - 1 },
            new Timestamp { Seconds = long.MaxValue, Nanos = int.MaxValue },
            new Timestamp { Seconds = long.MinValue })));

    public static Gen<Duration> Durations() => Gen.Frequency(
        (3, Gen.OneOf(
            new Duration(),
            new Duration { Seconds = 1 },
            new Duration { Seconds = 15 },
            new Duration { Seconds = 300 },
            new Duration { Nanos = 500_000_000 })),
        (3, Gen.OneOf(
            new Duration { Seconds = -15 },
            new Duration { Seconds = 301 },
            new Duration { Seconds = 1, Nanos = -1 },
            new Duration { Seconds = -1, Nanos = 1 },
            new Duration { Nanos = 1_000_000_000 },
            new Duration { Seconds = MaxDurationSeconds + 1 },
            new Duration { Seconds = long.MinValue, Nanos = int.MinValue },
            new Duration { Seconds = long.MaxValue })));

    public static Gen<Google.Type.Date> Dates() => Gen.Frequency(
        (3, Gen.OneOf(
            Date(2026, 3, 10), Date(2026, 3, 1), Date(1988, 4, 12), Date(2015, 9, 1), Date(2025, 12, 31), Date(2026, 4, 30), Date(0, 0, 0))),
        (1, Gen.Select(Gen.Int[1899, 2030], Gen.Int[1, 12], Gen.Int[1, 28], Date)),
        (3, Gen.OneOf(
            Date(2026, 2, 30), Date(0, 5, 12), Date(2026, 13, 1), Date(2026, 0, 1), Date(2026, 1, 0), Date(2026, 0, 0),
            Date(0, 0, 12), Date(-1, 1, 1), Date(10_000, 1, 1), Date(9999, 12, 31), Date(1, 1, 1), Date(2025, 2, 29),
            Date(int.MaxValue, int.MaxValue, int.MaxValue), Date(int.MinValue, -1, -1))));

    public static Gen<FieldMask> FieldMasks(Gen<string> anyPath) => Gen.Frequency(
        (3, Gen.OneOf(
            "applicant", "co_applicant", "co_applicant_link", "family_situation", "household_members", "resources", "current_housing",
            "reason_codes", "wishes", "disability", "priority", "display_name", "territory", "stock_commune_codes", "registering_desks",
            "applicant.last_name", "name", "status", "revision", "*", "", " ", "Applicant", "wishes,priority")),
        (1, anyPath)).Array[0, 4].Select(paths => new FieldMask { Paths = { paths } });

    private static Google.Type.Date Date(int year, int month, int day) => new() { Year = year, Month = month, Day = day };
}
