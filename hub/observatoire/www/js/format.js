// French number and period formats, and the label of a suppressed cell.

export const SUPPRESSED = "s";

const integer = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat("fr-FR", { minimumFractionDigits: 1, maximumFractionDigits: 2 });
const percent = new Intl.NumberFormat("fr-FR", { style: "percent", maximumFractionDigits: 1 });
const monthName = new Intl.DateTimeFormat("fr-FR", { month: "short", year: "numeric", timeZone: "UTC" });

export const formats = {
  count: (value) => integer.format(value),
  ratio: (value) => decimal.format(value),
  share: (value) => percent.format(value),
  days: (value) => `${integer.format(value)} j`,
  months: (value) => `${decimal.format(value)} mois`,
};

/** A cell as the table shows it: "s" when suppressed, "–" when there is nothing to show. */
export function formatCell(cell, format) {
  if (cell?.suppressed) {
    return SUPPRESSED;
  }
  if (cell?.value === null || cell?.value === undefined || Number.isNaN(cell.value)) {
    return "–";
  }
  return (formats[format] ?? formats.count)(cell.value);
}

/** The label of a period starting on (year, month): "mars 2025", "T1 2025", "2025". */
export function periodLabel(kind, year, month) {
  switch (kind) {
    case "INDICATOR_PERIOD_MONTH":
      return monthName.format(new Date(Date.UTC(year, month - 1, 1)));
    case "INDICATOR_PERIOD_QUARTER":
      return `T${Math.floor((month - 1) / 3) + 1} ${year}`;
    default:
      return String(year);
  }
}
