import { inflateEntry, readZipDirectory } from "../../src/io/xlsx-zip.js";

/** Every part of a .docx (a zip of XML parts) as text, by name. */
export function docxParts(bytes: Uint8Array): Map<string, string> {
  const directory = readZipDirectory(bytes, { maxEntries: 10_000, maxEntryBytes: 2 ** 30, maxTotalBytes: 2 ** 31, maxRatio: Infinity, ratioFloorBytes: 0 });
  if ("refusal" in directory) throw new Error(directory.refusal.message);
  const parts = new Map<string, string>();
  for (const entry of directory.entries) {
    const inflated = inflateEntry(bytes, entry);
    if ("refusal" in inflated) throw new Error(inflated.refusal.message);
    parts.set(entry.name, new TextDecoder().decode(inflated.data));
  }
  return parts;
}

const unescape = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

/** The text of a piece of WordprocessingML: every w:t joined (isolating marks removed). */
export function textOf(xml: string): string {
  return unescape([...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("")).replace(/[\u2066-\u2069]/g, "");
}

/** Every paragraph's XML, in order (including those inside tables). */
export function paragraphsXml(xml: string): string[] {
  return [...xml.matchAll(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g)].map((m) => m[0]);
}

/** The paragraphs that carry a style, with their style id and text. */
export function headings(xml: string): { style: string; text: string }[] {
  return paragraphsXml(xml).flatMap((p) => {
    const style = /<w:pStyle w:val="([^"]+)"\/>/.exec(p)?.[1];
    return style === undefined ? [] : [{ style, text: textOf(p) }];
  });
}
