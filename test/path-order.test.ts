// PathOrder: results in path order whatever order the files are done in, each handed on as soon as every
// path before it is done, and nothing kept once handed on.
import { describe, expect, it } from 'vitest';
import { errorResult } from '../src/errors.js';
import { PathOrder } from '../src/run/path-order.js';
import { unchangedResult } from '../src/prefilter.js';
import type { FileResult } from '../src/types.js';

function collect() {
  const out: string[] = [];
  return { out, order: new PathOrder((r: FileResult) => out.push(r.path)) };
}

describe('PathOrder', () => {
  // found in this order (a walk's), sorted: a-b.py, a.py, a/x.py, b.py
  const found = ['b.py', 'a/x.py', 'a.py', 'a-b.py'];

  it('hands each result on as soon as every earlier path is done', () => {
    const { out, order } = collect();
    expect([...order.start(found, [])]).toEqual([3, 2, 1, 0]);
    order.settle(0, unchangedResult('b.py'));
    order.settle(1, unchangedResult('a/x.py'));
    expect(out).toEqual([]);
    expect(order.frontier).toBe(0); // the place of the first result not handed on
    order.settle(3, unchangedResult('a-b.py'));
    expect(out).toEqual(['a-b.py']);
    expect(order.frontier).toBe(1);
    order.settle(2, unchangedResult('a.py'));
    expect(out).toEqual(['a-b.py', 'a.py', 'a/x.py', 'b.py']);
    expect(order.frontier).toBe(4);
    order.finish();
    expect(out).toHaveLength(4);
  });

  it('keeps results that come before every file is known, and merges walk errors in (after a file of equal path)', () => {
    const { out, order } = collect();
    order.settle(2, unchangedResult('a.py'));
    order.settle(3, unchangedResult('a-b.py'));
    expect(out).toEqual([]);
    order.start(found, [
      errorResult('a', 'permission denied'),
      errorResult('a.py', 'twice'),
      errorResult('c', 'gone'),
    ]);
    expect(out).toEqual(['a', 'a-b.py', 'a.py', 'a.py']);
    order.settle(0, unchangedResult('b.py'));
    expect(out).toHaveLength(4);
    order.settle(1, unchangedResult('a/x.py'));
    expect(out).toEqual(['a', 'a-b.py', 'a.py', 'a.py', 'a/x.py', 'b.py', 'c']);
  });

  it('finish: a stopped run hands on what it has, in order, past the files never done', () => {
    const { out, order } = collect();
    order.start(found, [errorResult('c', 'gone')]);
    order.settle(0, unchangedResult('b.py'));
    order.settle(2, unchangedResult('a.py'));
    expect(out).toEqual([]);
    order.finish();
    expect(out).toEqual(['a.py', 'b.py', 'c']);
  });

  it('equal paths keep the order they were found in', () => {
    const out: FileResult[] = [];
    const order = new PathOrder((r) => out.push(r));
    order.start(['x.py', 'x.py'], []);
    order.settle(1, { ...unchangedResult('x.py'), error: 'second' });
    order.settle(0, { ...unchangedResult('x.py'), error: 'first' });
    expect(out.map((r) => r.error)).toEqual(['first', 'second']);
  });
});
