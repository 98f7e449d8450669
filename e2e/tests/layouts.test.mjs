// Every layout fixture (tests/fixtures/layout-*.tsv) pasted as a user would:
// the grand total the core's tests work out by hand, and the guess said in the
// reading preview; a table with no amounts is refused, saying why.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eur, fixture, open, start, totalsTable } from './helpers.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

const cases = [
  // fixture, grand total, what the preview says was guessed (or null)
  ['layout-annees-sans-financeur.tsv', '4 823 950,50', /Aucun en-tête ne nomme un financeur/],
  ['layout-lignes-groupe-sous-total.tsv', '99 000,00', /Lignes sans numéro dont les montants sont exactement la somme/],
  ['layout-departement-etat.tsv', '150 000,00', /la colonne « Action », qui contient du texte/],
  ['layout-intitule-sans-entete.tsv', '32 500,00', /la colonne n° 1 \(sans en-tête\)/],
  ['layout-entetes-au-milieu.tsv', '419 507,00', /« ACTIONS EMPLOI-INSERTION » \(ligne 4\)/],
  ['layout-ap-cp.tsv', '3 250 000,00', /« Reste à financer »/],
  ['layout-montants-de-l-action.tsv', '125 000,00', null],
];

for (const [name, total, guess] of cases) {
  test(`${name}: total ${total} €${guess ? ', and what was guessed' : ''}`, async () => {
    const page = await open(env);
    await page.getByLabel(/Tableau à coller/).fill(fixture(name));
    await page.getByRole('status').filter({ hasText: eur(total) }).waitFor();
    const preview = page.getByRole('region', { name: 'Lecture du tableau' });
    const note = preview.getByRole('note', { name: 'Ce que la lecture a supposé' });
    if (guess) {
      assert.match(await note.textContent(), guess);
    } else {
      assert.equal(await note.count(), 0);
    }
    assert.deepEqual(page.problems, []);
  });
}

test('an indicators table (counts, not euros) is refused, saying why', async () => {
  const page = await open(env);
  await page.getByLabel(/Tableau à coller/).fill(fixture('vienne-2024-indicateurs.tsv'));
  const alert = page.getByRole('region', { name: 'Lecture du tableau' }).getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /aucune colonne de montants en euros/);
  assert.equal(await totalsTable(page).count(), 0);
  assert.deepEqual(page.problems, []);
});
