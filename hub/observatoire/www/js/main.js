// The page: reads the form, asks the hub, draws the charts and the table, offers the CSV.
// The API key stays in this tab (sessionStorage), is sent only to this hub as a bearer
// header, and never appears in an address.
import { HubError } from "./api.js";
import { chartsAvailable, draw } from "./charts.js";
import { loadReport } from "./indicators.js";
import { levelLabels } from "./labels.js";
import { renderTable } from "./table.js";

const form = document.getElementById("query");
const status = document.getElementById("status");
const keyStore = "interop.observatoire.key";
let lastReport = null;

function say(text, isError = false) {
  status.textContent = text;
  status.classList.toggle("error", isError);
}

// From January of last year to this month: last year whole, and this year so far.
function defaults() {
  const today = new Date();
  form.from.value ||= `${today.getFullYear() - 1}-01`;
  form.to.value ||= `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, "0")}`;
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
  say("Chargement…");
  document.body.dataset.state = "loading";
  try {
    const report = await loadReport(query);
    const where = query.level === "TERRITORY_LEVEL_FILE" ? "Fichier entier" : `${levelLabels[query.level]} ${query.territory}`;
    if (report.empty) {
      throw new Error("le hub n'a renvoyé aucune période");
    }
    document.getElementById("report-title").textContent = `${where} — ${report.labels[0]} à ${report.lastLabel}`;
    document.getElementById("report").hidden = false;
    draw("chart-flow", "bar", report.flow);
    draw("chart-pressure", "bar", report.pressure);
    draw("chart-seniority", "bar", report.seniority);
    draw("chart-radiations", "bar", report.radiations);
    renderTable(report.table, document.getElementById("indicators"));
    renderTable(report.typologyTable, document.getElementById("typologies"));
    lastReport = { report, name: `observatoire-${query.territory || "fichier"}-${query.from}-${query.to}.csv` };
    document.getElementById("charts-note").textContent = [
      chartsAvailable() ? "" : "Graphiques indisponibles : la bibliothèque de graphiques n'est pas installée sur ce hub.",
      `« s » et les barres absentes : secret statistique (effectif de 1 à ${report.threshold - 1}, ou qui se déduirait d'autres cases) ; « – » : non défini (division par zéro).`,
      "Pression, typologies et ancienneté : dernière période.",
    ].filter(Boolean).join(" ");
    say(`Indicateurs de ${where}, ${report.labels.length} période(s).`);
    document.body.dataset.state = "ready";
  } catch (error) {
    say(error instanceof HubError ? error.message : `Erreur inattendue : ${error.message}`, true);
    document.body.dataset.state = "error";
  }
}

// The hub's own export (ExportTerritoryIndicators), fetched with the key: a plain link could not
// carry the authorization header, and a key in an address would end up in logs.
async function downloadCsv() {
  if (!lastReport) {
    return;
  }
  let text;
  try {
    text = await lastReport.report.exportCsv();
  } catch (error) {
    say(error instanceof HubError ? error.message : `Erreur inattendue : ${error.message}`, true);
    return;
  }
  const blob = new Blob([text], { type: "text/csv;charset=utf-8" });
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = lastReport.name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

defaults();
form.addEventListener("submit", show);
document.getElementById("csv").addEventListener("click", downloadCsv);
