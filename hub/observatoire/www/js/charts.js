// The four charts, drawn with Chart.js (window.Chart, from hub/observatoire's npm install).
// A suppressed cell is a gap (null), never a zero: its tooltip says it is secret.
import { formatCell } from "./format.js";

const palette = ["#000091", "#e1000f", "#18753c", "#b34000", "#6a6af4", "#009099"];
const drawn = new Map();

export function chartsAvailable() {
  return typeof window.Chart === "function";
}

function toChartData(spec) {
  return {
    labels: spec.labels,
    datasets: spec.datasets.map((dataset, i) => ({
      label: dataset.label,
      data: dataset.cells.map((cell) => (cell.suppressed ? null : cell.value)),
      suppressed: dataset.cells.map((cell) => cell.suppressed),
      format: dataset.format ?? "count",
      type: dataset.type,
      backgroundColor: palette[i % palette.length],
      borderColor: palette[i % palette.length],
    })),
  };
}

function options(spec) {
  const counts = spec.datasets.every((d) => (d.format ?? "count") === "count");
  const scales = {
    x: { stacked: Boolean(spec.stacked) },
    y: { beginAtZero: true, stacked: Boolean(spec.stacked), ticks: counts ? { precision: 0 } : {} },
  };
  return {
    locale: "fr-FR",
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    scales,
    plugins: {
      legend: { position: "bottom", labels: { boxWidth: 12 } },
      tooltip: {
        callbacks: {
          label: (item) => {
            const dataset = item.dataset;
            const cell = { value: item.raw, suppressed: dataset.suppressed[item.dataIndex] };
            return `${dataset.label} : ${cell.suppressed ? "secret statistique" : formatCell(cell, dataset.format)}`;
          },
        },
      },
    },
  };
}

/** Draws (or redraws) the chart of a canvas; an absent spec clears it and returns false. */
export function draw(canvasId, type, spec) {
  drawn.get(canvasId)?.destroy();
  drawn.delete(canvasId);
  const canvas = document.getElementById(canvasId);
  const empty = !spec || spec.labels.length === 0;
  canvas.closest("figure").classList.toggle("empty", empty);
  if (empty || !chartsAvailable()) {
    return false;
  }
  drawn.set(canvasId, new window.Chart(canvas, { type, data: toChartData(spec), options: options(spec) }));
  return true;
}
