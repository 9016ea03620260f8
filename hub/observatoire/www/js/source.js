// Where the report's figures come from.
import { stockReport } from "./stock-source.js";

export function loadReport(query, periods) {
  return stockReport(query, periods);
}
