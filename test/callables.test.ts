// The value for one of several callables (src/analysis/callables.ts): what merges into it, and where it stops
// being followed. Its effect on the output is proved by the fixtures (flow/one-of-several-callables,
// flow/more-callables-than-followed, project/star-beside-own-def).
import { describe, expect, it } from 'vitest';
import type { Node } from 'web-tree-sitter';
import { MAX_CALLABLES } from '../src/analysis/callables.js';
import { merge, type Value } from '../src/analysis/value.js';

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

  it('sets merge into one set; beside what is not known the set is open (it may be something else)', () => {
    const a = merge([fn(1), fn(2)]);
    const b = merge([fn(2), fn(3)]);
    expect(merge([a, b])).toEqual({ kind: 'callables', of: [fn(1), fn(2), fn(3)] });
    expect(merge([a, { kind: 'other' }])).toEqual({ kind: 'callables', of: [fn(1), fn(2)], open: true });
    // `make_sftp if sftp else FTP`: one callable beside what is not known stays a set, open
    expect(merge([{ kind: 'other' }, fn(1)])).toEqual({ kind: 'callables', of: [fn(1)], open: true });
    expect(merge([merge([fn(1), { kind: 'other' }]), fn(2)])).toEqual({
      kind: 'callables',
      of: [fn(1), fn(2)],
      open: true,
    });
    // what is not callable and not other (a connection) is no callable's company
    expect(merge([fn(1), { kind: 'conn', tls: true, origin: 'constructor' }]).kind).not.toBe('callables');
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
