// The table view: one row per period (or category), one column per indicator.
import { formatCell } from "./format.js";

export function renderTable(table, element) {
  const head = element.tHead;
  const body = element.tBodies[0];
  head.replaceChildren();
  body.replaceChildren();

  const headRow = head.insertRow();
  const corner = document.createElement("th");
  corner.textContent = table.corner ?? "Période";
  headRow.append(corner);
  for (const column of table.columns) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = column.label;
    th.dataset.column = column.id;
    headRow.append(th);
  }

  for (const row of table.rows) {
    const tr = body.insertRow();
    tr.dataset.row = row.key ?? row.label;
    const th = document.createElement("th");
    th.scope = "row";
    th.textContent = row.label;
    tr.append(th);
    table.columns.forEach((column, i) => {
      const td = tr.insertCell();
      const cell = row.cells[i];
      td.dataset.column = column.id;
      td.textContent = formatCell(cell, column.format);
      if (cell?.suppressed) {
        td.classList.add("suppressed");
        td.title = "Secret statistique : effectif trop petit, ou qui se déduirait d'autres cases";
      }
    });
  }
}
