using System.Globalization;
using System.Text;
using Interop.Hub.Core.Applications;
using Interop.Hub.Core.Attributions;
using Interop.Hub.Core.Statistics;
using Interop.Hub.Core.Statistics.Indicators;

namespace Interop.Hub.Observatory;

/// <summary>
/// The indicators as CSV (ExportTerritoryIndicators): one line per period,
/// indicator and dimension, in the long form charts and spreadsheets pivot
/// from. Columns and names are documented in protos/README.md.
/// </summary>
internal static class IndicatorCsv
{
    public const string Header = "period_start,period_end,indicator,dimension,value,suppressed";

    public static string Write(IEnumerable<PeriodFigures> periods)
    {
        var csv = new StringBuilder(Header).Append('\n');
        foreach (var p in periods)
        {
            void Count(string indicator, StockCell cell, string dimension = "") =>
                Line(csv, p, indicator, dimension, cell.Count?.ToString(CultureInfo.InvariantCulture) ?? "", cell.Suppressed);
            void Value(string indicator, DerivedValue value, string dimension = "") =>
                Line(csv, p, indicator, dimension, value.Value?.ToString("0.####", CultureInfo.InvariantCulture) ?? "", value.Suppressed);

            Count("active_applications", p.Active);
            foreach (var (typology, cell) in p.ActiveByTypology)
            {
                Count("active_by_needed_typology", cell, typology.ToString());
            }

            foreach (var (bucket, cell) in p.SeniorityDistribution)
            {
                Count("seniority_distribution", cell, bucket.Label);
            }

            Value("seniority_mean_months", p.SeniorityMeanMonths);
            Value("seniority_median_months", p.SeniorityMedianMonths);
            Count("transfer_applications", p.Transfers);
            Value("transfer_share", p.TransferShare);
            Count("new_applications", p.NewApplications);
            Count("renewals", p.Renewals);
            Count("radiations", p.Radiations);
            foreach (var (reason, cell) in p.RadiationsByReason)
            {
                Count("radiations_by_reason", cell, SneCodes.Of(reason));
            }

            Count("attributions", p.Attributions);
            foreach (var (typology, cell) in p.AttributionsByTypology)
            {
                Count("attributions_by_needed_typology", cell, typology.ToString());
            }

            foreach (var (holder, cell) in p.AttributionsByHolder)
            {
                Count("attributions_by_reservation_holder", cell, holder == ReservationHolder.Unspecified ? "" : AttributionSneCodes.Of(holder));
            }

            Count("priority_attributions", p.PriorityAttributions);
            Value("priority_attribution_share", p.PriorityAttributionShare);
            Value("attribution_delay_median_months", p.AttributionDelayMedianMonths);
            Value("pressure", p.Pressure);
            foreach (var (typology, pressure) in p.PressureByTypology)
            {
                Value("pressure_by_needed_typology", pressure.Pressure, typology.ToString());
                Value("imbalance_by_needed_typology", pressure.Imbalance, typology.ToString());
            }

            Count("offer_refusals", p.OfferRefusals);
        }

        return csv.ToString();
    }

    // Every field is a code, a number or a date: none needs quoting.
    private static void Line(StringBuilder csv, PeriodFigures p, string indicator, string dimension, string value, bool suppressed) =>
        csv.Append(p.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(',')
            .Append(p.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(',')
            .Append(indicator).Append(',')
            .Append(dimension).Append(',')
            .Append(value).Append(',')
            .Append(suppressed ? "true" : "false").Append('\n');
}
