// Baseline of the browser benchmark (scripts/bench-browser.mjs): what the
// widget does on a paste, written the way a careful JavaScript developer
// would without a framework. The pasted TSV (columns: N°, Intitulé, Axe, then
// three funders' amounts) is split into lines and cells, each French amount
// read into integer cents with one regular expression, each row and each
// funder summed exactly in cents; every row is built with createElement into
// one DocumentFragment that replaces the tbody once, and the totals and the
// status line are one text node each, in the widget's format.
const NNBSP = '\u202f';
const NBSP = '\u00a0';

// "93 507,00 €", "-93507", "1 000", "-  €" (spaces: U+0020, U+00A0, U+202F).
const AMOUNT = /^\s*(-?)\s*((?:\d[\d \u00a0\u202f]*)?)(?:,(\d{1,2}))?\s*(?:€)?\s*$/;

/** "93 507,00 €" → 9350700 (cents); 0 for an empty cell or "-  €"; null when unreadable. */
function cents(text) {
  const m = AMOUNT.exec(text);
  if (m === null) return null;
  let units = 0;
  const digits = m[2];
  for (let i = 0; i < digits.length; i++) {
    const c = digits.charCodeAt(i) - 48;
    if (c >= 0 && c <= 9) units = units * 10 + c;
  }
  const frac = m[3] === undefined ? 0 : m[3].length === 1 ? (m[3].charCodeAt(0) - 48) * 10 : Number(m[3]);
  const value = units * 100 + frac;
  return m[1] ? -value : value;
}

/** 177565000 → "1 775 650,00 €" (U+202F between thousands, U+00A0 before €). */
function eur(value) {
  const abs = value < 0 ? -value : value;
  const units = String(Math.floor(abs / 100));
  const frac = abs % 100;
  let out = '';
  const head = units.length % 3 || 3;
  out = units.slice(0, head);
  for (let i = head; i < units.length; i += 3) out += NNBSP + units.slice(i, i + 3);
  return `${value < 0 ? '−' : ''}${out},${frac < 10 ? '0' : ''}${frac}${NBSP}€`;
}

function show(text) {
  const lines = text.split('\n');
  const funders = [0, 0, 0];
  const rows = document.createDocumentFragment();
  let actions = 0;
  for (let l = 1; l < lines.length; l++) {
    const line = lines[l].endsWith('\r') ? lines[l].slice(0, -1) : lines[l];
    if (line.trim() === '') continue;
    const cells = line.split('\t');
    const tr = document.createElement('tr');
    const th = document.createElement('th');
    th.textContent = cells[0];
    tr.appendChild(th);
    const title = document.createElement('td');
    title.textContent = cells[1] ?? '';
    tr.appendChild(title);
    let total = 0;
    for (let i = 0; i < 3; i++) {
      const raw = cells[3 + i] ?? '';
      const v = cents(raw);
      const td = document.createElement('td');
      if (v === null) td.textContent = `? ${raw}`;
      else {
        funders[i] += v;
        total += v;
        td.textContent = eur(v);
      }
      tr.appendChild(td);
    }
    const sum = document.createElement('td');
    sum.textContent = eur(total);
    tr.appendChild(sum);
    rows.appendChild(tr);
    actions++;
  }
  const grand = funders[0] + funders[1] + funders[2];
  document.getElementById('rows').replaceChildren(rows);
  document.getElementById('totals').textContent =
    `État ${eur(funders[0])} · Département ${eur(funders[1])} · Autres financeurs ${eur(funders[2])} · Total ${eur(grand)}`;
  document.getElementById('status').textContent = `Total général calculé : ${eur(grand)} (${actions} actions)`;
}

const area = document.getElementById('paste');
area.addEventListener('input', () => show(area.value));
window.addEventListener('paste', (event) => {
  if (document.activeElement === area) return;
  const text = event.clipboardData?.getData('text/plain');
  if (!text) return;
  event.preventDefault();
  show(text);
});
