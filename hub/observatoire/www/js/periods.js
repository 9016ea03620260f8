// The periods of a range: months, quarters or years, each with its first and last day.
import { periodLabel } from "./format.js";

const monthsIn = { PERIOD_MONTH: 1, PERIOD_QUARTER: 3, PERIOD_YEAR: 12 };

function parseMonth(text) {
  const [year, month] = text.split("-").map(Number);
  return { year, month };
}

/** The periods from the one holding `from` to the one holding `to` (both "YYYY-MM"), oldest first. */
export function periodsOf(kind, from, to) {
  const step = monthsIn[kind] ?? 12;
  const start = parseMonth(from);
  const end = parseMonth(to);
  let index = start.year * 12 + (start.month - 1);
  index -= index % step;
  const last = end.year * 12 + (end.month - 1);
  const periods = [];
  while (index <= last && periods.length < 240) {
    const year = Math.floor(index / 12);
    const month = (index % 12) + 1;
    const endIndex = index + step - 1;
    const endYear = Math.floor(endIndex / 12);
    const endMonth = (endIndex % 12) + 1;
    const endDay = new Date(Date.UTC(endYear, endMonth, 0)).getUTCDate();
    periods.push({
      key: kind === "PERIOD_MONTH" ? `${year}-${String(month).padStart(2, "0")}` : kind === "PERIOD_QUARTER" ? `${year}-T${Math.floor((month - 1) / 3) + 1}` : String(year),
      label: periodLabel(kind, year, month),
      start: { year, month, day: 1 },
      end: { year: endYear, month: endMonth, day: endDay },
    });
    index += step;
  }
  return periods;
}
