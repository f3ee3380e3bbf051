// What the analysis reads of one tree's nodes, read from tree-sitter once per node: each read of a type, an
// end offset, a text or a field is a trip into WASM that marshals the node through a shared buffer (a field
// also makes a new Node object), and answering questions reads the same few nodes again and again.
import type { Node } from 'web-tree-sitter';

export class NodeFacts {
  private readonly types = new Map<number, string>();
  private readonly ends = new Map<number, number>();
  private readonly texts = new Map<number, string>();
  /** By field name, then by node id; null when the node has no such field. */
  private readonly fields = new Map<string, Map<number, Node | null>>();

  type(node: Node): string {
    let type = this.types.get(node.id);
    if (type === undefined) this.types.set(node.id, (type = node.type));
    return type;
  }

  end(node: Node): number {
    let end = this.ends.get(node.id);
    if (end === undefined) this.ends.set(node.id, (end = node.endIndex));
    return end;
  }

  text(node: Node): string {
    let text = this.texts.get(node.id);
    if (text === undefined) this.texts.set(node.id, (text = node.text));
    return text;
  }

  /** node.childForFieldName(name). */
  field(node: Node, name: string): Node | null {
    let byNode = this.fields.get(name);
    if (!byNode) this.fields.set(name, (byNode = new Map()));
    let child = byNode.get(node.id);
    if (child === undefined) byNode.set(node.id, (child = node.childForFieldName(name)));
    return child;
  }
}
