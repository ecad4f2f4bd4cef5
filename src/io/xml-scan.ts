/**
 * A small linear XML reader for the parts of a workbook (no DTD, no entity but the five predefined,
 * nothing fetched): `walk` calls back on open tags, text and close tags. xlsx-xml.ts reads the
 * workbook's parts with it.
 */

/** True when an XML text declares a DTD or an entity: a workbook's parts never do. */
export function declaresEntities(text: string): boolean {
  return /<!DOCTYPE|<!ENTITY/i.test(text);
}

function local(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

/** An element's attributes (decoded values), without a prototype. */
export interface Tag {
  attributes: Record<string, string>;
}

/** An attribute's value by name; a prefixed name (`r:id`) also answers to its local part (`id`). */
export function attr(tag: Tag, name: string): string | undefined {
  if (Object.hasOwn(tag.attributes, name)) return tag.attributes[name];
  for (const [key, value] of Object.entries(tag.attributes)) if (local(key) === name) return value;
  return undefined;
}

const ENTITY = /&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|lt|gt|amp|quot|apos);/g;
const STRAY_AMPERSAND = /&(?!(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|lt|gt|amp|quot|apos);)/;
const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** XML character data with its five predefined entities and character references decoded; anything else is malformed. */
function decode(raw: string): string {
  if (!raw.includes("&")) return raw;
  if (STRAY_AMPERSAND.test(raw)) throw new Error("an undefined entity or a bare &");
  return raw.replace(ENTITY, (_, ref: string) => {
    if (ref[0] !== "#") return NAMED[ref]!;
    const code = ref[1] === "x" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    if (code > 0x10ffff) throw new Error("a character reference out of range");
    return String.fromCodePoint(code);
  });
}

const ATTRIBUTE = /([^\s=/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/**
 * Walks XML text, calling back on open tags, text and close tags (local names). A small scanner for
 * the parts of a workbook, linear in its input (every search moves forward; no backtracking):
 * comments, CDATA and processing instructions are skipped or read; any declaration (DOCTYPE,
 * ENTITY) and any entity other than the five predefined ones is malformed; tags must nest. Throws
 * on malformed XML.
 */
export function walk(text: string, on: { open?: (name: string, tag: Tag) => void; text?: (text: string) => void; close?: (name: string) => void }): void {
  const stack: string[] = [];
  let roots = 0;
  let i = 0;
  while (i < text.length) {
    const lt = text.indexOf("<", i);
    const end = lt < 0 ? text.length : lt;
    if (end > i && stack.length > 0 && on.text) on.text(decode(text.slice(i, end)));
    if (lt < 0) break;
    const skip = (open: string, close: string): number => {
      const at = text.indexOf(close, lt + open.length);
      if (at < 0) throw new Error(`an unclosed ${open}`);
      return at;
    };
    if (text.startsWith("<!--", lt)) i = skip("<!--", "-->") + 3;
    else if (text.startsWith("<![CDATA[", lt)) {
      const at = skip("<![CDATA[", "]]>");
      if (stack.length > 0) on.text?.(text.slice(lt + 9, at));
      i = at + 3;
    } else if (text.startsWith("<?", lt)) i = skip("<?", "?>") + 2;
    else if (text.startsWith("<!", lt)) throw new Error("a declaration (DOCTYPE or ENTITY)");
    else {
      // The tag ends at the first `>` outside quotes.
      let j = lt + 1;
      let quote = "";
      for (; j < text.length; j++) {
        const ch = text[j]!;
        if (quote !== "") {
          if (ch === quote) quote = "";
        } else if (ch === '"' || ch === "'") quote = ch;
        else if (ch === ">") break;
        else if (ch === "<") throw new Error("a `<` inside a tag");
      }
      if (j >= text.length) throw new Error("an unclosed tag");
      const body = text.slice(lt + 1, j);
      i = j + 1;
      if (body.startsWith("/")) {
        const name = body.slice(1).trim();
        if (stack.pop() !== name) throw new Error(`a closing tag </${name}> that closes nothing open`);
        on.close?.(local(name));
        continue;
      }
      const selfClosing = body.endsWith("/");
      const inner = selfClosing ? body.slice(0, -1) : body;
      const name = /^[^\s/>]+/.exec(inner)?.[0];
      if (name === undefined) throw new Error("a tag without a name");
      if (stack.length === 0 && ++roots > 1) throw new Error("more than one root element");
      const attributes = Object.create(null) as Record<string, string>;
      for (const m of inner.slice(name.length).matchAll(ATTRIBUTE)) attributes[m[1]!] = decode(m[2] ?? m[3] ?? "");
      on.open?.(local(name), { attributes });
      if (selfClosing) on.close?.(local(name));
      else stack.push(name);
    }
  }
  if (stack.length > 0) throw new Error(`an unclosed element <${stack[stack.length - 1]}>`);
  if (roots === 0) throw new Error("no root element");
}
