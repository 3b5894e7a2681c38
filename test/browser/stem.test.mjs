// search.js stems words as build/search/stem.go does: both are checked
// against build/search/testdata/stem.json (Go by stem_test.go), so a word
// typed in the box is folded like the index's words. No browser needed.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { stem, fold, VECTORS } from './stem.mjs';

test('search.js stems the shared vectors as the Go index does', () => {
  const vectors = JSON.parse(fs.readFileSync(VECTORS, 'utf8'));
  const problems = [];
  let n = 0;
  for (const [lang, pairs] of Object.entries(vectors)) {
    if (lang === '_') continue;
    for (const [word, want] of pairs) {
      n++;
      const got = stem(fold(word), lang);
      if (got !== want) problems.push(`${lang}: stem("${word}") = "${got}", want "${want}"`);
    }
  }
  assert.ok(n > 40, `${VECTORS}: only ${n} vectors`);
  assert.deepEqual(problems, []);
  assert.equal(stem('modelos', 'es'), 'modelos', 'a language without rules is left alone');
  assert.equal(stem('ørsted', 'en'), 'ørsted', 'words outside a–z are left alone, as in Go');
});
