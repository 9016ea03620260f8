using Interop.Hub.Core.Cotation;
using Interop.Hub.Core.Cotation.Grids;
using Interop.Hub.Core.Cotation.Loading;
using Interop.Hub.Core.Errors;
using static Interop.Hub.Core.Tests.Cotation.CotationFixtures;

namespace Interop.Hub.Core.Tests.Cotation.Grids;

public class GridVersionsTests
{
    private const string Rubrics = """[{ "id": "r", "label": "R", "rule": "cumulative", "criteria": [{ "id": "a", "label": "A", "kind": "singleParent", "points": 5 }] }]""";

    private static CotationGrid Version(int version, string validFrom, string? validUntil = null) =>
        GridLoader.Load(GridJson(Rubrics, version, validFrom, validUntil is null ? "" : $"\n  \"validUntil\": \"{validUntil}\","));

    [Fact]
    public void InForceOn_EachDay_GivesTheLastVersionStartedByThen()
    {
        var versions = GridVersions.Of([Version(1, "2024-01-01"), Version(2, "2025-01-01")]);

        Assert.Null(versions.InForceOn(new DateOnly(2023, 12, 31)));
        Assert.Equal(1, versions.InForceOn(new DateOnly(2024, 1, 1))!.Version);
        Assert.Equal(1, versions.InForceOn(new DateOnly(2024, 12, 31))!.Version);
        Assert.Equal(2, versions.InForceOn(new DateOnly(2025, 1, 1))!.Version);
        Assert.Equal(2, versions.InForceOn(new DateOnly(2030, 1, 1))!.Version);
    }

    [Fact]
    public void InForceOn_AfterAVersionsOwnEnd_GivesNoneUntilTheNextStarts()
    {
        var versions = GridVersions.Of([Version(1, "2024-01-01", "2024-06-30"), Version(2, "2024-09-01")]);

        Assert.Equal(1, versions.InForceOn(new DateOnly(2024, 6, 30))!.Version);
        Assert.Null(versions.InForceOn(new DateOnly(2024, 7, 1)));
        Assert.Equal(2, versions.InForceOn(new DateOnly(2024, 9, 1))!.Version);
    }

    [Fact]
    public void With_AVersionAddedOutOfOrder_KeepsThemByStartDate()
    {
        var versions = GridVersions.Of(Version(2, "2025-01-01")).With(Version(1, "2024-01-01"));

        Assert.Equal([1, 2], versions.All.Select(grid => grid.Version));
    }

    [Fact]
    public void With_TheSameVersionNumber_IsRefused()
    {
        var versions = GridVersions.Of(Version(1, "2024-01-01"));

        var refusal = Assert.Throws<PreconditionException>(() => versions.With(Version(1, "2025-01-01")));

        Assert.Equal(ErrorReasons.OverlappingVersion, refusal.Reason);
        Assert.Contains("version 1 of grid 'caen-test' already exists", refusal.Message);
    }

    [Fact]
    public void With_TheSameStartDate_IsRefused()
    {
        var versions = GridVersions.Of(Version(1, "2024-01-01"));

        var refusal = Assert.Throws<PreconditionException>(() => versions.With(Version(2, "2024-01-01")));

        Assert.Contains("would both be in force on 2024-01-01", refusal.Message);
    }

    [Fact]
    public void With_AnEndDateReachingIntoTheNextVersion_IsRefused()
    {
        var versions = GridVersions.Of(Version(1, "2024-01-01", "2025-03-31"));

        var refusal = Assert.Throws<PreconditionException>(() => versions.With(Version(2, "2025-01-01")));

        Assert.Contains("versions 1 and 2 of grid 'caen-test' would both be in force on 2025-01-01", refusal.Message);
    }

    [Fact]
    public void With_AHigherNumberStartingEarlier_IsRefused()
    {
        var versions = GridVersions.Of(Version(2, "2025-01-01"));

        var refusal = Assert.Throws<PreconditionException>(() => versions.With(Version(3, "2024-01-01")));

        Assert.Contains("start in the order of their numbers", refusal.Message);
    }

    [Fact]
    public void With_AnotherGrid_IsRefused()
    {
        var versions = GridVersions.Of(Version(1, "2024-01-01"));
        var other = Version(2, "2025-01-01") with { GridId = "lyon" };

        Assert.Throws<PreconditionException>(() => versions.With(other));
    }
}
