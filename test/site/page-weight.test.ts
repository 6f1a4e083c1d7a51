/**
 * Page weight budget: for each page type of the built sample site, the gzip bytes of HTML, CSS
 * and JavaScript a first visit downloads before the reader starts searching must stay within
 * test/budget.json (see test/helpers/page-weight.ts for what is counted).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SITES_DIR } from '../helpers/build-site.ts';
import {
  formatWeights,
  getOverBudget,
  getStaticImports,
  loadBudget,
  measurePage,
  measureWidget,
  WEIGHT_PAGE_TYPES,
  WIDGET_HARD_CAP,
} from '../helpers/page-weight.ts';

const outDir = path.join(SITES_DIR, 'sample');
const budget = loadBudget();

describe('page weight of the sample help center (gzip, before searching)', () => {
  it('counts static imports but not dynamic import() in built JavaScript', () => {
    const code =
      'import{a as b}from"./one.js";import"./two.js";import * as c from \'./three.js\';export{d}from"./four.js";' +
      'const e=()=>import("./lazy.js");v(()=>import(`./x.js`),[]);const s="important";';
    expect(getStaticImports(code)).toEqual(['./one.js', './two.js', './three.js', './four.js']);
  });

  it('has a budget for exactly the page types it measures', () => {
    expect(Object.keys(budget.pages).sort()).toEqual(Object.keys(WEIGHT_PAGE_TYPES).sort());
  });

  it.each(Object.entries(WEIGHT_PAGE_TYPES))('keeps the %s page (%s) within its budget', (type, sitePath) => {
    const weight = measurePage(outDir, sitePath);
    const limit = budget.pages[type]!;
    console.log(
      `page weight ${type}: ${formatWeights(weight.weights, limit)} (${[...weight.files.css, ...weight.files.js].join(', ')})`,
    );
    expect(weight.files.css.length, `${type}: no stylesheet found`).toBeGreaterThan(0);
    expect(getOverBudget(type, weight, limit)).toEqual([]);
  });

  it('keeps the in-product widget (/widget.js, before the first search) within its budget and under 15 KB', () => {
    const widget = measureWidget(outDir);
    console.log(`page weight widget: js ${widget.js}/${budget.widget.js} B gzip (${widget.files.join(', ')})`);
    expect(budget.widget.js).toBeLessThanOrEqual(WIDGET_HARD_CAP);
    expect(widget.js).toBeLessThanOrEqual(budget.widget.js);
  });
});
