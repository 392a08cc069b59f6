import { describe, test, expect, beforeAll, afterAll } from 'lanes';
import { sortableTable } from '../../main/resources/static/sortable-table.js';

// Layout needs a real browser: the stylesheet is loaded and the boxes measured with getBoundingClientRect.
describe('table layout', () => {
  let container;
  let link;

  beforeAll(async () => {
    link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = new URL('../../main/resources/static/table.css', import.meta.url).href;
    const loaded = new Promise((resolve, reject) => {
      link.onload = resolve;
      link.onerror = () => reject(new Error('table.css did not load'));
    });
    document.head.appendChild(link);
    await loaded;
    container = document.createElement('div');
    container.style.width = '400px';
    document.body.appendChild(container);
  });

  afterAll(() => {
    container.remove();
    link.remove();
  });

  test('the table is as wide as its container', () => {
    const { table } = sortableTable(container, { columns: ['A', 'B'], rows: [['1', '2']] });
    expect(table.getBoundingClientRect().width).to.be.closeTo(400, 0.5);
    table.remove();
  });

  test('the headers sit side by side in one row, left to right', () => {
    const { table } = sortableTable(container, { columns: ['A', 'B', 'C'], rows: [] });
    const boxes = [...table.tHead.rows[0].cells].map((th) => th.getBoundingClientRect());
    expect(new Set(boxes.map((box) => Math.round(box.top))).size).to.equal(1);
    expect(boxes[0].right).to.be.at.most(boxes[1].left + 1);
    expect(boxes[1].right).to.be.at.most(boxes[2].left + 1);
    table.remove();
  });

  test('a long cell wraps rather than widening the table', () => {
    const long = 'word '.repeat(200);
    const { table } = sortableTable(container, { columns: ['Text'], rows: [[long]] });
    const cell = table.tBodies[0].rows[0].cells[0].getBoundingClientRect();
    expect(table.getBoundingClientRect().width).to.be.closeTo(400, 0.5);
    expect(cell.height).to.be.greaterThan(40);
    table.remove();
  });
});
