import { Parser, Language } from 'web-tree-sitter';
import { createRequire } from 'module';
import fs from 'fs';
const require = createRequire(import.meta.url);
await Parser.init();
const lang = await Language.load(require.resolve('tree-sitter-python/tree-sitter-python.wasm'));
const p = new Parser(); p.setLanguage(lang);
const src = fs.readFileSync(process.argv[2], 'utf8');
const t = p.parse(src);
function pr(n, d, field) { if (!n.isNamed) return; console.log('  '.repeat(d) + (field ? field + ': ' : '') + n.type + (n.childCount === 0 ? ' ' + JSON.stringify(n.text) : '')); for (let i = 0; i < n.childCount; i++) pr(n.child(i), d + 1, n.fieldNameForChild(i)); }
pr(t.rootNode, 0);
