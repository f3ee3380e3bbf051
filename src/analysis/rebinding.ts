// Which of a name's bindings a later one replaces for good, so that only the bindings a use may still see
// are merged. `FTP = Mock` after `from ftplib import FTP` replaces the import; `make = FTP` in one branch and
// `make = other` in the other are alternatives, both of which a later `make(host)` may call (Bindings merges
// them into an open set, whose login is reported, never passed over).
import type { Node } from 'web-tree-sitter';
import type { BindingSite } from './bindings.js';

/**
 * The sites not replaced, for a use at `at` (none: once the scope has run, as another module or a function
 * called later sees it). A site is replaced by a later one that always runs once reached: an import, def,
 * class or plain assignment statement directly in a block (or the module) that encloses the earlier site.
 * A use in the scope's own code before that statement still sees the earlier site (`inScope`).
 */
export function liveSites(sites: BindingSite[], at: Node | undefined, inScope: boolean): BindingSite[] {
  const replacing = sites.flatMap((s) => {
    const statement = unconditionalStatement(s);
    return statement ? [statement] : [];
  });
  if (!replacing.length) return sites;
  return sites.filter(
    (site) =>
      !replacing.some(
        (statement) =>
          statement.startIndex >= site.node.endIndex &&
          encloses(statement.parent!, site.node) &&
          (!at || !inScope || at.startIndex >= statement.endIndex),
      ),
  );
}

/** The statement that binds the site whenever it is reached, directly in a block or the module. */
function unconditionalStatement(site: BindingSite): Node | undefined {
  let statement: Node | null;
  switch (site.kind) {
    case 'import':
    case 'from-import':
      statement = site.statement ?? null;
      break;
    case 'def':
    case 'class': {
      statement = site.def ?? site.node.parent;
      if (statement?.parent?.type === 'decorated_definition') statement = statement.parent;
      break;
    }
    case 'assign': {
      // `make = other`, `a = make = other`, `host, make = pair`; not a walrus inside a condition
      let p = site.node.parent;
      while (p && (p.type === 'assignment' || p.type === 'pattern_list' || p.type === 'tuple_pattern'))
        p = p.parent;
      statement = p?.type === 'expression_statement' ? p : null;
      break;
    }
    default:
      return undefined;
  }
  const block = statement?.parent?.type;
  return block === 'block' || block === 'module' ? statement! : undefined;
}

function encloses(outer: Node, inner: Node): boolean {
  return outer.startIndex <= inner.startIndex && inner.endIndex <= outer.endIndex;
}
