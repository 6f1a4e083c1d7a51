import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseFrontmatterYaml, parseYamlWithPositions, YamlSyntaxError } from './yaml-source.ts';

const FRONTMATTER = `
title: "Refunds: how long they take"
description: Where your money is
draft: false
order: 3
reviewBy: 2026-02-30
tags: [refund, card]
related:
  - refund-timelines
  - card-declined
`;

describe('frontmatter parsed fast, with positions on demand', () => {
  it('reads the same value as the parser with positions, dates as the text the writer typed', () => {
    expect(parseFrontmatterYaml(FRONTMATTER).value).toEqual(parseYamlWithPositions(FRONTMATTER).value);
    expect((parseFrontmatterYaml(FRONTMATTER).value as { reviewBy: unknown }).reviewBy).toBe('2026-02-30');
  });

  it('locates a field and a list item, counting the lines before the frontmatter', () => {
    const parsed = parseFrontmatterYaml(FRONTMATTER, 1);
    expect(parsed.locate(['reviewBy'])).toEqual({ line: 7, column: 1 });
    expect(parsed.locate(['related', 1])).toEqual({ line: 11, column: 5 });
    expect(parsed.locate(['missing', 'deeper'])).toEqual({ line: 3, column: 1 });
  });

  it('names the line and column of a syntax error, as the parser with positions does', () => {
    const broken = 'title: ok\ndescription: [unclosed\n';
    const fast = (() => {
      try {
        parseFrontmatterYaml(broken, 1);
      } catch (err) {
        return err;
      }
    })();
    expect(fast).toBeInstanceOf(YamlSyntaxError);
    expect(() => parseYamlWithPositions(broken, 1)).toThrow(YamlSyntaxError);
    expect((fast as YamlSyntaxError).position.line).toBeGreaterThanOrEqual(2);
  });

  it('rejects a duplicate key, which Astro would otherwise read silently', () => {
    expect(() => parseFrontmatterYaml('title: a\ntitle: b\n')).toThrow(YamlSyntaxError);
  });

  it('agrees with the parser with positions on any frontmatter-like mapping', () => {
    const scalar = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    );
    const key = fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9]{0,11}$/);
    const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 4 }), fc.dictionary(key, scalar, { maxKeys: 3 }));
    fc.assert(
      fc.property(fc.dictionary(key, value, { minKeys: 1, maxKeys: 8 }), (data) => {
        const text = stringify(data);
        expect(parseFrontmatterYaml(text).value).toEqual(parseYamlWithPositions(text).value);
      }),
      { numRuns: 300 },
    );
  });
});
