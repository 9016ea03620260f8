// The page: reads the form, asks the hub, draws the charts and the table, offers the CSV.
// The API key stays in this tab (sessionStorage), is sent only to this hub as a bearer
// header, and never appears in an address.
import { HubError } from "./api.js";
import { chartsAvailable, draw } from "./charts.js";
import { levelLabels } from "./labels.js";
import { periodsOf } from "./periods.js";
import { loadReport } from "./source.js";
import { renderTable, tableCsv } from "./table.js";

const form = document.getElementById("query");
const status = document.getElementById("status");
const keyStore = "interop.observatoire.key";
let lastCsv = null;

function say(text, isError = false) {
  status.textContent = text;
  status.classList.toggle("error", isError);
}

function defaults() {
  const lastYear = new Date().getFullYear() - 1;
  form.from.value ||= `${lastYear}-01`;
  form.to.value ||= `${lastYear}-12`;
  form.key.value ||= window.sessionStorage.getItem(keyStore) ?? "";
}

function queryOf() {
  return {
    key: form.key.value.trim(),
    level: form.level.value,
    territory: form.territory.value.trim().toUpperCase(),
    period: form.period.value,
    from: form.from.value,
    to: form.to.value,
  };
}

function problemWith(query) {
  if (!query.key) {
    return "Saisissez votre clé d'API.";
  }
  if (query.level !== "TERRITORY_LEVEL_FILE" && !query.territory) {
    return "Saisissez le code du territoire (département, commune ou SIREN de l'EPCI).";
  }
  if (!query.from || !query.to || query.from > query.to) {
    return "Choisissez une période dont le début précède la fin.";
  }
  return null;
}

async function show(event) {
  event.preventDefault();
  const query = queryOf();
  const problem = problemWith(query);
  if (problem) {
    say(problem, true);
    return;
  }
  window.sessionStorage.setItem(keyStore, query.key);
  const periods = periodsOf(query.period, query.from, query.to);
  say("Chargement…");
  document.body.dataset.state = "loading";
  try {
    const report = await loadReport(query, periods);
    const where = query.level === "TERRITORY_LEVEL_FILE" ? "Fichier entier" : `${levelLabels[query.level]} ${query.territory}`;
    document.getElementById("report-title").textContent = `${where} — ${periods[0].label} à ${periods[periods.length - 1].label}`;
    document.getElementById("report").hidden = false;
    draw("chart-flow", "bar", report.flow);
    draw("chart-pressure", "bar", report.pressure);
    draw("chart-seniority", "bar", report.seniority);
    draw("chart-radiations", "bar", report.radiations);
    renderTable(report.table, document.getElementById("indicators"));
    lastCsv = { text: report.csv ?? tableCsv(report.table), name: `observatoire-${query.territory || "fichier"}-${query.from}-${query.to}.csv` };
    document.getElementById("charts-note").textContent = [
      chartsAvailable() ? "" : "Graphiques indisponibles : la bibliothèque de graphiques n'est pas installée sur ce hub.",
      "« s » et les barres absentes : secret statistique (effectif inférieur au seuil, ou qui se déduirait d'autres cases).",
      ...(report.notes ?? []),
    ].filter(Boolean).join(" ");
    say(`Indicateurs de ${where}, ${periods.length} période(s).`);
    document.body.dataset.state = "ready";
  } catch (error) {
    say(error instanceof HubError ? error.message : `Erreur inattendue : ${error.message}`, true);
    document.body.dataset.state = "error";
  }
}

function downloadCsv() {
  if (!lastCsv) {
    return;
  }
  // A byte order mark, so a spreadsheet reads the accents as UTF-8.
  const blob = new Blob(["\uFEFF", lastCsv.text], { type: "text/csv;charset=utf-8" });
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = lastCsv.name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

defaults();
form.addEventListener("submit", show);
document.getElementById("csv").addEventListener("click", downloadCsv);
