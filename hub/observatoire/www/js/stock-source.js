// The report from GetApplicationStock (GET /v1/applicationStock): the stock of active
// applications at the end of each period, and by needed typology at the end of the last one.
import { getJson } from "./api.js";
import { typologyLabels } from "./labels.js";

function cellOf(count) {
  return count?.suppressed ? { value: null, suppressed: true } : { value: Number(count?.count ?? 0), suppressed: false };
}

function departementOf(level, code) {
  if (level === "TERRITORY_LEVEL_DEPARTEMENT") {
    return code;
  }
  if (level === "TERRITORY_LEVEL_COMMUNE") {
    return code.startsWith("97") ? code.slice(0, 3) : code.slice(0, 2);
  }
  return undefined;
}

async function stockAt(query, date) {
  const answer = await getJson("/v1/applicationStock", {
    "date.year": date.year,
    "date.month": date.month,
    "date.day": date.day,
    level: query.level,
    departements: departementOf(query.level, query.territory),
  }, query.key);
  const row = (answer.rows ?? []).find((r) => (r.territoryCode ?? "") === (query.level === "TERRITORY_LEVEL_FILE" ? "" : query.territory));
  return row ?? null;
}

export async function stockReport(query, periods) {
  const rows = await Promise.all(periods.map((period) => stockAt(query, period.end)));
  const empty = { value: 0, suppressed: false };
  const totals = rows.map((row) => (row ? cellOf(row.total) : empty));
  const last = rows[rows.length - 1];
  const typologies = (last?.byNeededTypology ?? []).map((t) => ({ label: typologyLabels[t.typology] ?? t.typology, cell: cellOf(t.count) }));
  return {
    flow: {
      labels: periods.map((p) => p.label),
      datasets: [{ label: "Demandes actives en fin de période", cells: totals }],
    },
    pressure: {
      labels: typologies.map((t) => t.label),
      datasets: [{ label: `Demandes actives au ${periods[periods.length - 1].end.day}/${periods[periods.length - 1].end.month}/${periods[periods.length - 1].end.year}`, cells: typologies.map((t) => t.cell) }],
    },
    seniority: null,
    radiations: null,
    table: {
      columns: [{ id: "stock", label: "Demandes actives en fin de période", format: "count" }],
      rows: periods.map((p, i) => ({ label: p.label, cells: [totals[i]] })),
    },
    csv: null,
  };
}
