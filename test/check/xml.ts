/**
 * A strict XML 1.0 well-formedness check, enough for JUnit reports: a declaration, one root element,
 * nested elements, quoted attributes without `<`, no duplicate attributes, only the five predefined
 * entities and character references, only characters XML allows. Returns the element tree.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME = /^[A-Za-z_][\w.-]*/;
const XML_CHAR = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;

function decode(text: string, where: string): string {
  if (text.includes("<")) throw new Error(`raw < in ${where}`);
  return text.replace(/&([^;]*);?/g, (m, body: string) => {
    if (!m.endsWith(";")) throw new Error(`bare & in ${where}`);
    const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
    if (body in named) return named[body]!;
    const num = /^#(x[0-9A-Fa-f]+|[0-9]+)$/.exec(body);
    if (!num) throw new Error(`unknown entity &${body}; in ${where}`);
    return String.fromCodePoint(num[1]!.startsWith("x") ? parseInt(num[1]!.slice(1), 16) : Number(num[1]));
  });
}

export function parseXml(xml: string): XmlElement {
  if (!XML_CHAR.test(xml)) throw new Error("a character XML does not allow");
  let i = 0;
  const decl = /^<\?xml version="1\.0" encoding="UTF-8"\?>\n/.exec(xml);
  if (!decl) throw new Error("no XML declaration");
  i = decl[0].length;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  while (i < xml.length) {
    if (xml.startsWith("</", i)) {
      const end = xml.indexOf(">", i);
      const name = xml.slice(i + 2, end);
      const open = stack.pop();
      if (!open || open.name !== name) throw new Error(`mismatched </${name}>`);
      i = end + 1;
      if (stack.length === 0) root = open;
    } else if (xml[i] === "<") {
      const name = NAME.exec(xml.slice(i + 1))?.[0];
      if (!name) throw new Error(`bad tag at ${i}`);
      i += 1 + name.length;
      const el: XmlElement = { name, attributes: {}, children: [], text: "" };
      for (;;) {
        const ws = /^\s*/.exec(xml.slice(i))![0].length;
        i += ws;
        if (xml.startsWith("/>", i) || xml[i] === ">") break;
        if (ws === 0) throw new Error(`no space before attribute at ${i}`);
        const attr = /^([A-Za-z_][\w.-]*)="([^"]*)"/.exec(xml.slice(i));
        if (!attr) throw new Error(`bad attribute at ${i}`);
        if (attr[1]! in el.attributes) throw new Error(`duplicate attribute ${attr[1]}`);
        el.attributes[attr[1]!] = decode(attr[2]!, `attribute ${attr[1]}`);
        i += attr[0].length;
      }
      if (root !== undefined || (stack.length === 0 && root !== undefined)) throw new Error("content after the root element");
      stack[stack.length - 1]?.children.push(el);
      if (xml.startsWith("/>", i)) {
        i += 2;
        if (stack.length === 0) root = el;
      } else {
        i += 1;
        stack.push(el);
      }
    } else {
      const next = xml.indexOf("<", i);
      const text = xml.slice(i, next < 0 ? xml.length : next);
      if (stack.length === 0) {
        if (text.trim() !== "") throw new Error("text outside the root element");
      } else stack[stack.length - 1]!.text += decode(text, `<${stack[stack.length - 1]!.name}>`);
      i = next < 0 ? xml.length : next;
    }
  }
  if (stack.length > 0 || root === undefined) throw new Error("unclosed element");
  return root;
}
