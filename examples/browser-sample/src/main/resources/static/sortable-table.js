// A table whose rows sort by the column whose header is clicked (again: the other way round), and which remembers
// the order in localStorage, so a reload shows the table as it was left.

/** Compares two cells: numbers as numbers, text ignoring case (as the server's TableRows does). */
export function compareCells(a, b) {
  const x = Number(a);
  const y = Number(b);
  if (a !== '' && b !== '' && !Number.isNaN(x) && !Number.isNaN(y)) {
    return x - y;
  }
  return a.toLowerCase().localeCompare(b.toLowerCase());
}

/**
 * Renders a sortable table into container. columns: header names; rows: arrays of cell texts; storageKey: where the
 * sort order is kept (none: not kept). Returns { table, sortBy(column, ascending), order() }.
 */
export function sortableTable(container, { columns, rows, storageKey }) {
  const table = document.createElement('table');
  table.className = 'sortable';
  const head = table.createTHead().insertRow();
  const body = table.createTBody();
  let order = { column: -1, ascending: true };

  columns.forEach((name, index) => {
    const th = document.createElement('th');
    th.textContent = name;
    th.tabIndex = 0;
    th.addEventListener('click', () => sortBy(index, order.column === index ? !order.ascending : true));
    th.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        th.click();
      }
    });
    head.appendChild(th);
  });

  function render(list) {
    body.replaceChildren(...list.map((cells) => {
      const tr = document.createElement('tr');
      cells.forEach((text) => {
        const td = document.createElement('td');
        td.textContent = text;
        tr.appendChild(td);
      });
      return tr;
    }));
  }

  function sortBy(column, ascending) {
    order = { column, ascending };
    const sorted = [...rows].sort((r1, r2) => compareCells(r1[column], r2[column]) * (ascending ? 1 : -1));
    render(sorted);
    [...head.cells].forEach((th, i) => {
      th.setAttribute('aria-sort', i !== column ? 'none' : ascending ? 'ascending' : 'descending');
    });
    if (storageKey) {
      localStorage.setItem(storageKey, JSON.stringify(order));
    }
  }

  render(rows);
  const saved = storageKey ? JSON.parse(localStorage.getItem(storageKey) || 'null') : null;
  if (saved && saved.column >= 0 && saved.column < columns.length) {
    sortBy(saved.column, saved.ascending);
  }
  container.appendChild(table);
  return { table, sortBy, order: () => ({ ...order }) };
}
