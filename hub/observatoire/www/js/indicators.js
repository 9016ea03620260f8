// The report from GetTerritoryIndicators (GET /v1/territoryIndicators), and its CSV from
// ExportTerritoryIndicators (GET /v1/territoryIndicators:export): the hub's figures as they are,
// suppressed cells included; nothing is computed here but labels and layout.
import { getJson, getText } from "./api.js";
import { periodLabel } from "./format.js";
import { radiationLabels, seniorityLabel, typologyLabels } from "./labels.js";

/** A StockCount ({count, suppressed}) or an IndicatorValue ({value, suppressed, undefined}) as a cell. */
export function cellOf(figure) {
  if (!figure || figure.suppressed) {
    return { value: null, suppressed: Boolean(figure?.suppressed) };
  }
  if (figure.undefined) {
    return { value: null, suppressed: false };
  }
  return { value: Number(figure.count ?? figure.value ?? 0), suppressed: false };
}

const columns = [
  { id: "active", label: "Demandes actives (fin de période)", format: "count", of: (p) => p.activeApplications },
  { id: "new", label: "Nouvelles demandes", format: "count", of: (p) => p.newApplications },
  { id: "renewals", label: "Renouvellements", format: "count", of: (p) => p.renewals },
  { id: "radiations", label: "Radiations", format: "count", of: (p) => p.radiations },
  { id: "attributions", label: "Attributions", format: "count", of: (p) => p.attributions },
  { id: "pressure", label: "Pression (demandes ÷ attributions)", format: "ratio", of: (p) => p.pressure },
  { id: "seniority-mean", label: "Ancienneté moyenne (mois)", format: "ratio", of: (p) => p.seniorityMeanMonths },
  { id: "seniority-median", label: "Ancienneté médiane (mois)", format: "ratio", of: (p) => p.seniorityMedianMonths },
  { id: "delay-median", label: "Délai médian d'attribution (mois)", format: "ratio", of: (p) => p.attributionDelayMedianMonths },
  { id: "transfer-share", label: "Part des demandes de mutation", format: "share", of: (p) => p.transferShare },
  { id: "priority-share", label: "Part des attributions aux publics prioritaires", format: "share", of: (p) => p.priorityAttributionShare },
  { id: "refusals", label: "Refus d'offres", format: "count", of: (p) => p.offerRefusals },
];

function requestOf(query) {
  const [fromYear, fromMonth] = query.from.split("-").map(Number);
  const [toYear, toMonth] = query.to.split("-").map(Number);
  // The first day of the last month names its period, and is never after today.
  return {
    level: query.level,
    territoryCode: query.level === "TERRITORY_LEVEL_FILE" ? "" : query.territory,
    period: query.period,
    "startDate.year": fromYear,
    "startDate.month": fromMonth,
    "startDate.day": 1,
    "endDate.year": toYear,
    "endDate.month": toMonth,
    "endDate.day": 1,
  };
}

function byTypology(list, pick) {
  return (list ?? []).map((entry) => ({ typology: entry.typology, label: typologyLabels[entry.typology] ?? entry.typology, cell: cellOf(pick(entry)) }));
}

function cellFor(list, typology) {
  return list.find((t) => t.typology === typology)?.cell ?? { value: null, suppressed: false };
}

export async function loadReport(query) {
  const request = requestOf(query);
  const answer = await getJson("/v1/territoryIndicators", request, query.key);
  const periods = answer.periods ?? [];
  if (periods.length === 0) {
    return { empty: true };
  }
  const labels = periods.map((p) => periodLabel(answer.period, p.startDate.year, p.startDate.month));
  const last = periods[periods.length - 1];
  const lastLabel = labels[labels.length - 1];
  const series = (pick) => periods.map((p) => cellOf(pick(p)));

  // Radiations by reason, one stacked series per reason that happened (or is secret) in the range.
  const reasons = [...new Set(periods.flatMap((p) => (p.radiationsByReason ?? []).map((r) => r.reason)))];
  const radiationSets = reasons
    .map((reason) => ({
      label: radiationLabels[reason] ?? reason,
      cells: periods.map((p) => cellOf((p.radiationsByReason ?? []).find((r) => r.reason === reason)?.count)),
    }))
    .filter((set) => set.cells.some((cell) => cell.suppressed || cell.value));

  const pressures = byTypology(last.pressureByNeededTypology, (t) => t.pressure);
  const imbalances = byTypology(last.pressureByNeededTypology, (t) => t.imbalance);
  const actives = byTypology(last.activeByNeededTypology, (t) => t.count);
  const attributed = byTypology(last.attributionsByNeededTypology, (t) => t.count);

  return {
    labels,
    lastLabel,
    flow: {
      labels,
      datasets: [
        { label: "Nouvelles demandes", cells: series((p) => p.newApplications) },
        { label: "Attributions", cells: series((p) => p.attributions) },
        { label: "Demandes actives (fin de période)", cells: series((p) => p.activeApplications), type: "line" },
      ],
    },
    pressure: {
      labels: pressures.map((t) => t.label),
      datasets: [{ label: `Pression, ${lastLabel}`, cells: pressures.map((t) => t.cell), format: "ratio" }],
    },
    seniority: {
      labels: (last.seniorityDistribution ?? []).map((b) => seniorityLabel(b.fromMonths, b.toMonths)),
      datasets: [{ label: `Demandes actives, fin ${lastLabel}`, cells: (last.seniorityDistribution ?? []).map((b) => cellOf(b.count)) }],
    },
    radiations: { labels, datasets: radiationSets, stacked: true },
    table: {
      corner: "Période",
      columns: columns.map(({ id, label, format }) => ({ id, label, format })),
      rows: periods.map((p, i) => ({ key: labels[i], label: labels[i], cells: columns.map((c) => cellOf(c.of(p))) })),
    },
    typologyTable: {
      corner: `Typologie nécessaire (${lastLabel})`,
      columns: [
        { id: "active", label: "Demandes actives", format: "count" },
        { id: "attributions", label: "Attributions", format: "count" },
        { id: "pressure", label: "Pression", format: "ratio" },
        { id: "imbalance", label: "Indice de déséquilibre", format: "ratio" },
      ],
      rows: actives.map((t) => ({
        key: t.label,
        label: t.label,
        cells: [t.cell, cellFor(attributed, t.typology), cellFor(pressures, t.typology), cellFor(imbalances, t.typology)],
      })),
    },
    threshold: answer.suppressionThreshold,
    exportCsv: () => getText("/v1/territoryIndicators:export", request, query.key),
  };
}
