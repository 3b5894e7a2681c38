// The stemmer of themes/default/assets/search.js, for the node tests: the
// code between its "stem: begin" and "stem: end" comments, evaluated alone
// (the rest of the script needs a page). The tests then check it against
// the vectors Go's stemmer is tested with, and search like search.js does.

import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const SEARCH_JS = path.join(HERE, '../../themes/default/assets/search.js');
export const VECTORS = path.join(HERE, '../../build/search/testdata/stem.json');

const src = fs.readFileSync(SEARCH_JS, 'utf8');
const m = src.match(/\/\* stem: begin[\s\S]*?\*\/([\s\S]*?)\/\* stem: end \*\//);
if (!m) throw new Error(`${SEARCH_JS}: no code between /* stem: begin */ and /* stem: end */`);

/** stem(word, lang): search.js's stem, on a folded word. */
export const stem = vm.runInNewContext(`${m[1]}; stem`, {}, { filename: SEARCH_JS });

/** Folds as search.js and the index do: lower case, accents removed. */
export const fold = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
  .replace(/œ/g, 'oe').replace(/æ/g, 'ae').replace(/ß/g, 'ss');
