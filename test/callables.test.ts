// The value for one of several callables (src/analysis/callables.ts): what merges into it, and where it stops
// being followed. Its effect on the output is proved by the fixtures (flow/one-of-several-callables,
// flow/more-callables-than-followed, project/star-beside-own-def).
import { describe, expect, it } from 'vitest';
import type { Node } from 'web-tree-sitter';
import { MAX_CALLABLES } from '../src/analysis/callables.js';
import { merge, mergeChoice, type Value } from '../src/analysis/value.js';

/** A function value for a def with this id (only the id is read). */
const fn = (id: number): Value => ({
  kind: 'function',
  def: { id } as Node,
  contextManager: false,
  property: false,
  bound: false,
});
const FTP: Value = { kind: 'class', tls: true };
const external: Value = {
  kind: 'external',
  returns: { kind: 'conn', tls: true, origin: 'constructor' },
  from: 'app/net.py:4',
};

describe('one of several callables', () => {
  it('a function beside a class, another function or another module factory is a set; the same one is itself', () => {
    expect(merge([fn(1), fn(1)])).toEqual(fn(1));
    expect(merge([fn(1), FTP])).toEqual({ kind: 'callables', of: [{ ...FTP, ownInit: false }, fn(1)] });
    expect(merge([fn(1), fn(2), fn(1)])).toEqual({ kind: 'callables', of: [fn(1), fn(2)] });
    expect(merge([external, fn(1), { kind: 'none' }])).toEqual({ kind: 'callables', of: [external, fn(1)] });
  });

  it('sets merge into one set; beside what is not callable it is nothing known, as before', () => {
    const a = merge([fn(1), fn(2)]);
    const b = merge([fn(2), fn(3)]);
    expect(merge([a, b])).toEqual({ kind: 'callables', of: [fn(1), fn(2), fn(3)] });
    // (two bindings of a name: the later may replace the other, `FTP = Mock` after the import)
    expect(merge([a, { kind: 'other' }])).toEqual({ kind: 'other' });
    expect(merge([FTP, { kind: 'other' }])).toEqual({ kind: 'other' });
  });

  it('a choice (`make_sftp if sftp else FTP`) of a callable and what is not known is an open set', () => {
    expect(mergeChoice([{ kind: 'other' }, FTP])).toEqual({
      kind: 'callables',
      of: [{ ...FTP, ownInit: false }],
      open: true,
    });
    expect(mergeChoice([fn(1), { kind: 'other' }])).toEqual({ kind: 'callables', of: [fn(1)], open: true });
    expect(mergeChoice([mergeChoice([fn(1), { kind: 'other' }]), fn(2)])).toEqual({
      kind: 'callables',
      of: [fn(1), fn(2)],
      open: true,
    });
    // what is neither (a connection) is merged as two bindings are
    const conn: Value = { kind: 'conn', tls: true, origin: 'constructor' };
    expect(mergeChoice([fn(1), conn])).toEqual(merge([fn(1), conn]));
    expect(mergeChoice([fn(1), fn(2)])).toEqual(merge([fn(1), fn(2)]));
  });

  it(`past ${MAX_CALLABLES} callables it is unfollowed, keeping the class among them; that stays so`, () => {
    const many = Array.from({ length: MAX_CALLABLES + 1 }, (_, i) => fn(i + 1));
    expect(merge(many)).toEqual({ kind: 'unfollowed' });
    expect(merge(many.slice(0, MAX_CALLABLES))).toMatchObject({ kind: 'callables' });
    const withClass = merge([...many.slice(1), FTP]);
    expect(withClass).toEqual({ kind: 'unfollowed', class: { ...FTP, ownInit: false } });
    expect(merge([withClass, fn(99)])).toEqual(withClass);
    // what may be an ftplib connection is not lost beside what is not known, nor beside a connection
    expect(merge([{ kind: 'unfollowed' }, { kind: 'other' }])).toEqual({ kind: 'unfollowed' });
    expect(merge([{ kind: 'unfollowed' }, { kind: 'conn', tls: true, origin: 'constructor' }])).toMatchObject(
      {
        kind: 'partial',
      },
    );
  });
});
