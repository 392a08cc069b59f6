import { describe, test, expect, beforeEach, afterEach } from 'lanes';
import { sortableTable, compareCells } from '../../main/resources/static/sortable-table.js';

const columns = ['Fruit', 'Price'];
const rows = [['pear', '12'], ['Apple', '3'], ['fig', '100']];
const column = (table, index) => [...table.tBodies[0].rows].map((row) => row.cells[index].textContent);

describe('sortableTable', () => {
  let container;

  beforeEach(() => {
    localStorage.clear();
    container = document.createElement('div');
    document.body.appendChild(container);
  });

  afterEach(() => {
    container.remove();
  });

  test('renders a header cell per column and a row per item, in the given order', () => {
    const { table } = sortableTable(container, { columns, rows });
    expect([...table.tHead.rows[0].cells].map((th) => th.textContent)).to.deep.equal(columns);
    expect(column(table, 0)).to.deep.equal(['pear', 'Apple', 'fig']);
  });

  test('a click on a header sorts by that column, a second click the other way round', () => {
    const { table } = sortableTable(container, { columns, rows });
    const price = table.tHead.rows[0].cells[1];
    price.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(column(table, 1)).to.deep.equal(['3', '12', '100']);
    expect(price.getAttribute('aria-sort')).to.equal('ascending');
    price.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(column(table, 1)).to.deep.equal(['100', '12', '3']);
    expect(price.getAttribute('aria-sort')).to.equal('descending');
  });

  test('Enter on a focused header sorts too', () => {
    const { table } = sortableTable(container, { columns, rows });
    const fruit = table.tHead.rows[0].cells[0];
    fruit.focus();
    expect(document.activeElement).to.equal(fruit);
    fruit.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(column(table, 0)).to.deep.equal(['Apple', 'fig', 'pear']);
  });

  test('the order is kept in localStorage and restored by the next table', () => {
    const first = sortableTable(container, { columns, rows, storageKey: 'fruit-table' });
    first.sortBy(1, false);
    expect(JSON.parse(localStorage.getItem('fruit-table'))).to.deep.equal({ column: 1, ascending: false });
    first.table.remove();
    const second = sortableTable(container, { columns, rows, storageKey: 'fruit-table' });
    expect(second.order()).to.deep.equal({ column: 1, ascending: false });
    expect(column(second.table, 1)).to.deep.equal(['100', '12', '3']);
  });
});

describe('compareCells', () => {
  test('numbers compare as numbers, text ignoring case', () => {
    expect(['12', '3', '100'].sort(compareCells)).to.deep.equal(['3', '12', '100']);
    expect(['pear', 'Apple', 'fig'].sort(compareCells)).to.deep.equal(['Apple', 'fig', 'pear']);
  });
});
