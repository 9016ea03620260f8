using System.Text;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Interop.Hub.Access;
using Interop.Hub.Core.Access;
using Interop.Hub.Core.Errors;
using Interop.Hub.Core.Numbering;
using Interop.Hub.Core.Statistics;
using Interop.Hub.Core.Statistics.Indicators;
using Interop.Hub.Core.Time;
using Interop.Hub.Core.Validation;
using Interop.Hub.Registry;
using V1 = Interop.Contracts.V1;

namespace Interop.Hub.Observatory;

internal sealed partial class ObservatoryService
{
    public override async Task<V1.TerritoryIndicators> GetTerritoryIndicators(V1.GetTerritoryIndicatorsRequest request, ServerCallContext context)
    {
        var (figures, countedThrough) = await IndicatorsAsync(request, context);
        var response = new V1.TerritoryIndicators
        {
            Level = request.Level,
            TerritoryCode = request.TerritoryCode,
            Period = request.Period,
            SuppressionThreshold = SmallCellSuppression.DefaultThreshold,
            Periods = { figures.Select(IndicatorMapper.ToProto) },
        };
        if (countedThrough is { } through)
        {
            response.CountedThrough = Timestamp.FromDateTimeOffset(through);
        }

        return response;
    }

    public override async Task<Google.Api.HttpBody> ExportTerritoryIndicators(V1.ExportTerritoryIndicatorsRequest request, ServerCallContext context)
    {
        var (figures, _) = await IndicatorsAsync(
            new V1.GetTerritoryIndicatorsRequest
            {
                Level = request.Level,
                TerritoryCode = request.TerritoryCode,
                Period = request.Period,
                StartDate = request.StartDate,
                EndDate = request.EndDate,
            },
            context);
        return new Google.Api.HttpBody
        {
            ContentType = "text/csv; charset=utf-8",
            Data = ByteString.CopyFrom(IndicatorCsv.Write(figures), Encoding.UTF8),
        };
    }

    public override async Task<V1.RebuildIndicatorsResponse> RebuildIndicators(V1.RebuildIndicatorsRequest request, ServerCallContext context)
    {
        var principal = context.Caller();
        if (!AccessPolicy.CanAdminister(principal.Organization))
        {
            throw Denials.NotAllowed(principal, "rebuild the observatory's indicators: hub administrators only");
        }

        await projections.RebuildAsync(IndicatorProjection.ProjectionName, context.CancellationToken);
        await using var connection = await database.OpenAsync(context.CancellationToken);
        var response = new V1.RebuildIndicatorsResponse
        {
            ChangesReplayed = await indicators.ChangesCountedAsync(connection, IndicatorProjection.ProjectionName, context.CancellationToken),
        };
        if (await indicators.CountedThroughAsync(connection, context.CancellationToken) is { } through)
        {
            response.CountedThrough = Timestamp.FromDateTimeOffset(through);
        }

        return response;
    }

    private async Task<(IReadOnlyList<PeriodFigures> Figures, DateTimeOffset? CountedThrough)> IndicatorsAsync(
        V1.GetTerritoryIndicatorsRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        var level = request.Level;
        var code = request.TerritoryCode.Trim();
        if (level == V1.TerritoryLevel.Unspecified || !System.Enum.IsDefined(level))
        {
            violations.Add("level", "is required: TERRITORY_LEVEL_COMMUNE, _EPCI, _DEPARTEMENT or _FILE.");
        }
        else
        {
            TerritoryRule(level, code, violations);
        }

        var length = request.Period switch
        {
            V1.IndicatorPeriod.Month => PeriodLength.Month,
            V1.IndicatorPeriod.Quarter => PeriodLength.Quarter,
            V1.IndicatorPeriod.Year => PeriodLength.Year,
            _ => PeriodLength.Unspecified,
        };
        if (length == PeriodLength.Unspecified)
        {
            violations.Add("period", "is required: INDICATOR_PERIOD_MONTH, _QUARTER or _YEAR.");
        }

        var today = FrenchCalendar.Today(time);
        var start = RequiredDate(request.StartDate, "start_date", violations);
        var end = RequiredDate(request.EndDate, "end_date", violations);
        if (end > today)
        {
            violations.Add("end_date", $"{end:yyyy-MM-dd} is in the future: indicators are known up to today ({today:yyyy-MM-dd}).");
        }
        else if (start is { } s && end is { } e && s > e)
        {
            violations.Add("end_date", "is before start_date.");
        }
        else if (start is { } from && end is { } to && length != PeriodLength.Unspecified
            && IndicatorPeriods.Count(length, from, to) > IndicatorPeriods.MaxPeriods)
        {
            violations.Add("end_date", $"the series would have more than {IndicatorPeriods.MaxPeriods} periods: shorten the range or take longer periods.");
        }

        violations.ThrowIfAny();

        var territory = AuthorizeTerritory(context.Caller(), level, code);
        var periods = IndicatorPeriods.Series(length, start!.Value, end!.Value, today);
        // Suppression weighs each cell against its whole year and its family of territories (README,
        // "Suppression"), so the rows read are theirs: from January of the first year to the last year's end.
        var firstMonth = new DateOnly(periods[0].From.Year, 1, 1);
        var lastYearEnd = new DateOnly(periods[^1].To.Year, 12, 1);
        var lastMonth = lastYearEnd < IndicatorCounter.MonthOf(today) ? lastYearEnd : IndicatorCounter.MonthOf(today);
        var chain = SuppressionFamilies.Of(territory, epcis);
        await using var connection = await database.OpenAsync(context.CancellationToken);
        // The rows this process kept of the family are used where the tables show them unchanged (IndicatorRowCache).
        var (counts, countedThrough) = await indicatorRows.CountsAsync(
            connection, territory, chain.SelectMany(f => f.Territories).Append(territory).ToHashSet(StringComparer.Ordinal), firstMonth, lastMonth, context.CancellationToken);
        return (IndicatorSeries.Build(periods, territory, chain, counts, today), countedThrough);
    }

    private static DateOnly? RequiredDate(Google.Type.Date? date, string field, Violations violations)
    {
        var parsed = DateMapping.ToDateOnly(date, field, violations);
        if (parsed is null && date is null or { Year: 0, Month: 0, Day: 0 })
        {
            violations.Add(field, "is required.");
        }

        return parsed;
    }

    private static void TerritoryRule(V1.TerritoryLevel level, string code, Violations violations)
    {
        switch (level)
        {
            case V1.TerritoryLevel.File when code.Length > 0:
                violations.Add("territory_code", "must be empty for TERRITORY_LEVEL_FILE (the whole file).");
                break;
            case V1.TerritoryLevel.Departement:
                RequestRules.Departement(code, "territory_code", violations);
                break;
            case V1.TerritoryLevel.Commune when !InseeCodes.IsCommuneCode(code):
                violations.Add("territory_code", "is not an INSEE commune code (five characters, e.g. 14118, 2A004).");
                break;
            case V1.TerritoryLevel.Epci when code.Length != 9 || !code.All(char.IsAsciiDigit):
                violations.Add("territory_code", "is not the SIREN of an EPCI (nine digits).");
                break;
        }
    }

    /// <summary>The territory's key in the tables, once the caller is known to read it.</summary>
    private string AuthorizeTerritory(Principal principal, V1.TerritoryLevel level, string code)
    {
        var scope = AccessPolicy.StatisticsScopeOf(principal.Organization);
        if (scope.IsEmpty)
        {
            throw Denials.NotAllowed(principal, "read statistics: it was granted no territory");
        }

        switch (level)
        {
            case V1.TerritoryLevel.File when !scope.All:
                throw Denials.NotAllowed(principal, "read the whole file's indicators: only organisations granted every département");
            case V1.TerritoryLevel.File:
                return TerritoryKeys.File;
            case V1.TerritoryLevel.Departement when !scope.CoversDepartement(code):
                throw Denials.NotAllowed(principal, $"read statistics of département {code}");
            case V1.TerritoryLevel.Departement:
                return TerritoryKeys.Departement(code);
            case V1.TerritoryLevel.Commune when !scope.CoversCommune(code):
                throw Denials.NotAllowed(principal, $"read statistics of commune {code}");
            case V1.TerritoryLevel.Commune:
                return TerritoryKeys.Commune(code);
            default:
                if (epcis.Count == 0)
                {
                    throw new PreconditionException(
                        ErrorReasons.GeographyUnavailable, "geography", "This hub has no EPCI list (the official geography is not installed): read a commune or a département.");
                }

                var members = epcis.Members(code);
                if (members.Count == 0)
                {
                    throw new NotFoundException("epci", "epcis/" + code);
                }

                // An EPCI's figures cover all its communes: the caller must cover every one.
                if (!members.All(scope.CoversCommune))
                {
                    throw Denials.NotAllowed(principal, $"read statistics of EPCI {code}: not every one of its communes is within its territory");
                }

                return TerritoryKeys.Epci(code);
        }
    }
}
