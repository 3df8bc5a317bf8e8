import { noChange } from 'lit';
import { Directive, type ElementPart, type PartInfo, PartType, directive } from 'lit/directive.js';

/** A text node, or an element of `tag` (with `className`) that holds only text. */
export type Piece = string | { tag: 'bdi' | 'span'; text: string; className?: string };

function toNode(piece: Piece): Node {
  if (typeof piece === 'string') return document.createTextNode(piece);
  const element = document.createElement(piece.tag);
  if (piece.className) element.className = piece.className;
  element.textContent = piece.text;
  return element;
}

/**
 * Fills the element it is bound to with text and small text-holding elements.
 * Lit marks every child binding with a comment node; this puts mixed content
 * (a place in isolated pieces, a label and a value) into a row without any.
 * The content is rebuilt only when it changed.
 */
class PiecesDirective extends Directive {
  #shown?: string;

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT) throw new Error('pieces() binds to an element.');
  }

  render(_pieces: readonly Piece[]): unknown {
    return noChange;
  }

  override update(part: ElementPart, [pieces]: [readonly Piece[]]): unknown {
    const key = JSON.stringify(pieces);
    if (key !== this.#shown) {
      this.#shown = key;
      part.element.replaceChildren(...pieces.map(toNode));
    }
    return noChange;
  }
}

/** `<span ${pieces(['a', { tag: 'bdi', text: 'b' }])}>`: the element's whole content, marker-free. */
export const pieces = directive(PiecesDirective);
