// Baseline of the browser benchmark (scripts/bench-browser.mjs): what the
// widget does on a paste, done by hand in plain JavaScript. Parses the TSV
// (columns: N°, Intitulé, Axe, then three funders' amounts), reads French
// amounts into integer cents, sums each row and each funder exactly, and
// renders every row, the totals and the status line in the widget's format.
const NNBSP = '\u202f';
const NBSP = '\u00a0';

/** "93 507,00 €" → 9350700 (cents); null when unreadable. */
function cents(text) {
  const t = text.replace(/[\s\u00a0\u202f€]/g, '');
  if (t === '' || t === '-') return 0;
  const m = /^(-?)(\d+)(?:,(\d{1,2}))?$/.exec(t);
  if (!m) return null;
  const value = Number(m[2]) * 100 + Number((m[3] ?? '0').padEnd(2, '0'));
  return m[1] ? -value : value;
}

/** 177565000 → "1 775 650,00 €" (U+202F between thousands, U+00A0 before €). */
function eur(value) {
  const negative = value < 0;
  const abs = Math.abs(value);
  const units = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, NNBSP);
  const frac = String(abs % 100).padStart(2, '0');
  return `${negative ? '−' : ''}${units},${frac}${NBSP}€`;
}

function cell(tag, text) {
  const el = document.createElement(tag);
  el.textContent = text;
  return el;
}

function show(text) {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const funders = [0, 0, 0];
  const rows = document.createDocumentFragment();
  let actions = 0;
  for (const line of lines.slice(1)) {
    const [number, title, , ...amounts] = line.split('\t');
    const values = amounts.slice(0, 3).map(cents);
    let total = 0;
    const tr = document.createElement('tr');
    tr.append(cell('th', number), cell('td', title));
    values.forEach((v, i) => {
      const ok = v ?? 0;
      funders[i] += ok;
      total += ok;
      tr.append(cell('td', v === null ? `? ${amounts[i]}` : eur(v)));
    });
    tr.append(cell('td', eur(total)));
    rows.append(tr);
    actions++;
  }
  const grand = funders[0] + funders[1] + funders[2];
  document.getElementById('rows').replaceChildren(rows);
  const totals = document.createDocumentFragment();
  ['État', 'Département', 'Autres financeurs', 'Total'].forEach((name, i) => {
    const tr = document.createElement('tr');
    tr.append(cell('th', name), cell('td', eur(i < 3 ? funders[i] : grand)));
    totals.append(tr);
  });
  document.getElementById('totals').replaceChildren(totals);
  document.getElementById('status').textContent = `Total général calculé : ${eur(grand)} (${actions} actions)`;
}

const area = document.getElementById('paste');
area.addEventListener('input', () => show(area.value));
window.addEventListener('paste', (event) => {
  if (document.activeElement === area) return;
  const text = event.clipboardData?.getData('text/plain');
  if (!text) return;
  event.preventDefault();
  area.value = text;
  show(text);
});
