import { deflateRawSync, inflateRawSync } from "node:zlib";

/**
 * The zip container of a workbook, read from its central directory before anything is inflated:
 * an xlsx is a zip of XML parts, and a zip can lie (declared sizes, bombs, paths that climb out).
 * Everything here works on bytes in memory; nothing is ever written to disk from an archive.
 */

/** One entry of the central directory. */
export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

/** What a zip may cost before it is refused. */
export interface ZipLimits {
  maxEntries: number;
  /** Declared uncompressed bytes of one entry, and of all together. */
  maxEntryBytes: number;
  maxTotalBytes: number;
  /** Uncompressed / compressed, for entries above `ratioFloorBytes`. */
  maxRatio: number;
  ratioFloorBytes: number;
}

/** A reason to refuse an archive: a stable code and a plain message. */
export interface ZipRefusal {
  code: string;
  message: string;
  hint?: string;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const u16 = (b: Uint8Array, o: number) => (b[o] ?? 0) | ((b[o + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, o: number) => (u16(b, o) | (u16(b, o + 2) << 16)) >>> 0;

function notAZip(message: string): ZipRefusal {
  return { code: "XLSX_NOT_A_WORKBOOK", message, hint: "save the file from Excel or LibreOffice as an Excel workbook (.xlsx)" };
}

/** A name that could climb out of a folder or name one outside it: absolute, drive, `..`, backslash, NUL. */
export function unsafeEntryName(name: string): boolean {
  return name === "" || name.startsWith("/") || /^[A-Za-z]:/.test(name) || name.includes("\\") || name.includes("\u0000") || name.split("/").some((part) => part === "..");
}

/** Reads and checks the central directory: every refusal is decided here, before any entry is inflated. */
export function readZipDirectory(bytes: Uint8Array, limits: ZipLimits): { entries: ZipEntry[] } | { refusal: ZipRefusal } {
  if (bytes.length < 22 || u32(bytes, 0) !== LOCAL) return { refusal: notAZip(bytes.length >= 8 && u32(bytes, 0) === 0xe011cfd0 ? "the file is an encrypted or old-format (.xls) workbook, not an .xlsx" : "the file is not an Excel workbook (.xlsx): it is not a zip archive") };
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (u32(bytes, i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return { refusal: notAZip("the zip archive has no central directory (truncated?)") };
  const count = u16(bytes, eocd + 10);
  const size = u32(bytes, eocd + 12);
  const offset = u32(bytes, eocd + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) return { refusal: { code: "XLSX_TOO_LARGE", message: "the archive is a zip64 archive, made for files far larger than a workbook of assessments", hint: "save the workbook again from Excel or LibreOffice" } };
  if (count > limits.maxEntries) return { refusal: { code: "XLSX_TOO_LARGE", message: `the archive holds ${count} parts; the limit is ${limits.maxEntries}` } };
  if (offset + size > eocd) return { refusal: notAZip("the zip archive's central directory points past its end") };
  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  let total = 0;
  let at = offset;
  for (let k = 0; k < count; k++) {
    if (at + 46 > eocd || u32(bytes, at) !== CENTRAL) return { refusal: notAZip("the zip archive's central directory is damaged") };
    const nameLength = u16(bytes, at + 28);
    const entry: ZipEntry = {
      flags: u16(bytes, at + 8),
      method: u16(bytes, at + 10),
      crc: u32(bytes, at + 16),
      compressedSize: u32(bytes, at + 20),
      uncompressedSize: u32(bytes, at + 24),
      localOffset: u32(bytes, at + 42),
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
    };
    at += 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
    if (unsafeEntryName(entry.name)) return { refusal: { code: "XLSX_UNSAFE_PATH", message: `the archive holds a part named ${JSON.stringify(entry.name.slice(0, 80))}, a path outside the workbook`, hint: "a workbook saved by Excel or LibreOffice never has one; the file was made to attack a reader" } };
    if (names.has(entry.name.toLowerCase())) return { refusal: notAZip(`the archive holds the part ${JSON.stringify(entry.name.slice(0, 80))} twice`) };
    names.add(entry.name.toLowerCase());
    if ((entry.flags & 1) !== 0) return { refusal: { code: "XLSX_ENCRYPTED", message: "the archive is encrypted", hint: "remove the password in Excel (File › Info › Protect Workbook) and save again" } };
    if (entry.method !== 0 && entry.method !== 8) return { refusal: notAZip(`the part ${JSON.stringify(entry.name.slice(0, 80))} uses an unusual compression (method ${entry.method})`) };
    if (entry.localOffset + 30 > offset) return { refusal: notAZip("the zip archive's central directory is damaged") };
    if (entry.uncompressedSize > limits.maxEntryBytes) return { refusal: tooLarge(`the part ${JSON.stringify(entry.name.slice(0, 80))} unpacks to ${mb(entry.uncompressedSize)}; the limit is ${mb(limits.maxEntryBytes)}`) };
    if (entry.uncompressedSize > limits.ratioFloorBytes && entry.uncompressedSize / Math.max(1, entry.compressedSize) > limits.maxRatio) {
      return { refusal: tooLarge(`the part ${JSON.stringify(entry.name.slice(0, 80))} unpacks ${Math.round(entry.uncompressedSize / Math.max(1, entry.compressedSize))} times larger than it is packed (a zip bomb); the limit is ${limits.maxRatio}`) };
    }
    total += entry.uncompressedSize;
    if (total > limits.maxTotalBytes) return { refusal: tooLarge(`the archive unpacks to more than ${mb(limits.maxTotalBytes)}, the limit`) };
    entries.push(entry);
  }
  return { entries };
}

function mb(bytes: number): string {
  return `${(bytes / 1048576).toFixed(1)} MB`;
}

function tooLarge(message: string): ZipRefusal {
  return { code: "XLSX_TOO_LARGE", message, hint: "set EGOV_MATURITY_MAX_FILE_MB to raise the limits (what a workbook unpacks to counts against the same limit)" };
}

/** Inflates one entry, never producing more than its declared size (a lying header cannot unpack more). */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntry): { data: Uint8Array } | { refusal: ZipRefusal } {
  const at = entry.localOffset;
  if (u32(bytes, at) !== LOCAL) return { refusal: notAZip(`the part ${JSON.stringify(entry.name.slice(0, 80))} is damaged`) };
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  const packed = bytes.subarray(start, start + entry.compressedSize);
  if (packed.length !== entry.compressedSize) return { refusal: notAZip(`the part ${JSON.stringify(entry.name.slice(0, 80))} is cut short`) };
  let data: Uint8Array;
  if (entry.method === 0) data = packed;
  else {
    try {
      // One byte more than declared: a part that inflates past its declared size is caught, not unpacked.
      data = inflateRawSync(packed, { maxOutputLength: entry.uncompressedSize + 1 });
    } catch (error) {
      const big = (error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE";
      return { refusal: big ? tooLarge(`the part ${JSON.stringify(entry.name.slice(0, 80))} unpacks to more than it declares (a zip bomb)`) : notAZip(`the part ${JSON.stringify(entry.name.slice(0, 80))} is damaged`) };
    }
  }
  if (data.length !== entry.uncompressedSize) return { refusal: tooLarge(`the part ${JSON.stringify(entry.name.slice(0, 80))} unpacks to ${data.length} bytes, not the ${entry.uncompressedSize} it declares`) };
  if (crc32(data) !== entry.crc) return { refusal: notAZip(`the part ${JSON.stringify(entry.name.slice(0, 80))} is damaged (checksum)`) };
  return { data };
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 of the zip format. */
export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * Packs parts into a zip, every entry stamped with the same date: the same parts give the same
 * bytes (writers re-pack what their library made, whose stamps are the wall clock).
 */
export function writeZip(parts: readonly { name: string; data: Uint8Array }[], date: Date): Uint8Array {
  const time = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2);
  const day = (Math.max(0, date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, "utf8");
    const packed = deflateRawSync(part.data, { level: 9 });
    const crc = crc32(part.data);
    const head = Buffer.alloc(30);
    head.writeUInt32LE(LOCAL, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(0x0800, 6);
    head.writeUInt16LE(8, 8);
    head.writeUInt16LE(time, 10);
    head.writeUInt16LE(day, 12);
    head.writeUInt32LE(crc, 14);
    head.writeUInt32LE(packed.length, 18);
    head.writeUInt32LE(part.data.length, 22);
    head.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    head.copy(central, 8, 6, 30);
    central.writeUInt32LE(offset, 42);
    locals.push(head, name, packed);
    centrals.push(central, name);
    offset += head.length + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}
