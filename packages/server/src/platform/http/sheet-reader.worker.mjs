// Reads the first worksheet of an uploaded .xlsx in a worker thread (see readSheet in xlsx-import.ts).
// Plain JavaScript so that a Worker runs it without a TypeScript loader.
//
// ExcelJS's streaming reader parses zip entries in file order and spills a worksheet to a temp file when it comes
// before sharedStrings (as Excel writes it), so the whole sheet would be inflated before the first row is read.
// We therefore read the zip's central directory ourselves and hand ExcelJS a rebuilt zip holding only the parts it
// needs, in the order it needs them: workbook rels, workbook, styles, sharedStrings, then the first sheet.
import { Buffer } from 'node:buffer';
import { posix } from 'node:path';
import { Readable } from 'node:stream';
import { inflateRawSync } from 'node:zlib';
import { parentPort, workerData } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { StringDecoder } from 'node:string_decoder';

// ExcelJS 4.4's streaming reader decodes each inflated chunk on its own (utils/parse-sax.js), so a Chinese character
// split across two chunks becomes U+FFFD, and the text rule then refuses a cell the office typed correctly (any sheet
// or shared-string table past ~64 KB of text). Its parser is replaced, before ExcelJS loads, by the same one decoding
// with a StringDecoder that carries the partial character over to the next chunk.
const requireExcel = createRequire(createRequire(import.meta.url).resolve('exceljs'));
const parseSaxPath = requireExcel.resolve('./lib/utils/parse-sax.js');
const { SaxesParser } = requireExcel('saxes');
requireExcel.cache[parseSaxPath] = {
  id: parseSaxPath,
  filename: parseSaxPath,
  loaded: true,
  exports: async function* parseSax(iterable) {
    const parser = new SaxesParser();
    const decoder = new StringDecoder('utf8');
    let error;
    let events = [];
    parser.on('error', (err) => (error = err));
    parser.on('opentag', (value) => events.push({ eventType: 'opentag', value }));
    parser.on('text', (value) => events.push({ eventType: 'text', value }));
    parser.on('closetag', (value) => events.push({ eventType: 'closetag', value }));
    const feed = (text) => {
      parser.write(text);
      if (error) throw error;
      const out = events;
      events = [];
      return out;
    };
    for await (const chunk of iterable) yield feed(typeof chunk === 'string' ? chunk : decoder.write(chunk));
    const rest = decoder.end();
    if (rest) yield feed(rest);
  },
};
const { default: ExcelJS } = await import('exceljs');

const SMALL_PART = 8 * 1024 * 1024; // workbook.xml and its rels, inflated here to find the first sheet
const MAX_STYLES = 16 * 1024 * 1024; // declared sizes: a cheap early refusal; the heap limit is the real bound
const MAX_SHARED_STRINGS = 64 * 1024 * 1024;
const MAX_SHEET_ROWS = 1_048_576; // Excel's own limit: more rows than this is not a real sheet
const CHUNK = 64 * 1024;
const BATCH = 1000; // rows a message to the server's thread

class Refusal extends Error {
  constructor(outcome) {
    super(outcome.error);
    this.outcome = outcome;
  }
}
const refuse = (error, extra = {}) => {
  throw new Refusal({ error, ...extra });
};

/** The zip's entries by name, from the central directory (zip64 records included). */
function centralDirectory(buf) {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) refuse('not_xlsx');
  let count = buf.readUInt16LE(eocd + 10);
  let offset = buf.readUInt32LE(eocd + 16);
  if ((count === 0xffff || offset === 0xffffffff) && eocd >= 20 && buf.readUInt32LE(eocd - 20) === 0x07064b50) {
    const z = Number(buf.readBigUInt64LE(eocd - 12));
    if (z + 56 > buf.length || buf.readUInt32LE(z) !== 0x06064b50) refuse('not_xlsx');
    count = Number(buf.readBigUInt64LE(z + 32));
    offset = Number(buf.readBigUInt64LE(z + 48));
  }
  const entries = new Map();
  for (let i = 0, p = offset; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) refuse('not_xlsx');
    const nameLen = buf.readUInt16LE(p + 28),
      extraLen = buf.readUInt16LE(p + 30),
      commentLen = buf.readUInt16LE(p + 32);
    const e = {
      name: buf.toString('utf8', p + 46, p + 46 + nameLen),
      flags: buf.readUInt16LE(p + 8),
      method: buf.readUInt16LE(p + 10),
      crc: buf.readUInt32LE(p + 16),
      size: buf.readUInt32LE(p + 20),
      rawSize: buf.readUInt32LE(p + 24),
      local: buf.readUInt32LE(p + 42),
    };
    // zip64 extra field: the 64-bit values, in this order, of the fields set to 0xffffffff
    for (let x = p + 46 + nameLen, end = x + extraLen; x + 4 <= end; x += 4 + buf.readUInt16LE(x + 2)) {
      if (buf.readUInt16LE(x) !== 0x0001) continue;
      let v = x + 4;
      for (const k of ['rawSize', 'size', 'local'])
        if (e[k] === 0xffffffff && v + 8 <= end) {
          e[k] = Number(buf.readBigUInt64LE(v));
          v += 8;
        }
    }
    entries.set(e.name, e);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** An entry's compressed bytes, located through its local header. */
function rawData(buf, e) {
  if (e.flags & 1 || (e.method !== 0 && e.method !== 8)) refuse('not_xlsx'); // encrypted or an unknown method
  if (e.local + 30 > buf.length || buf.readUInt32LE(e.local) !== 0x04034b50) refuse('not_xlsx');
  const start = e.local + 30 + buf.readUInt16LE(e.local + 26) + buf.readUInt16LE(e.local + 28);
  if (start + e.size > buf.length) refuse('not_xlsx');
  return buf.subarray(start, start + e.size);
}

function inflateSmall(buf, e) {
  if (e.rawSize > SMALL_PART) refuse('too_large');
  const data = rawData(buf, e);
  if (e.method === 0) return data;
  try {
    return inflateRawSync(data, { maxOutputLength: SMALL_PART });
  } catch (err) {
    refuse(err instanceof RangeError ? 'too_large' : 'not_xlsx');
  }
}

/** A local file header with the sizes filled in (no data descriptor), for ExcelJS's sequential unzip. */
function localHeader(name, method, crc, size, rawSize) {
  const n = Buffer.from(name, 'utf8');
  const h = Buffer.alloc(30);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(0x800, 6);
  h.writeUInt16LE(method, 8);
  h.writeUInt32LE(crc, 14);
  h.writeUInt32LE(size, 18);
  h.writeUInt32LE(Math.min(rawSize, 0xfffffffe), 22);
  h.writeUInt16LE(n.length, 26);
  return Buffer.concat([h, n]);
}

const attr = (tag, name) =>
  new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)
    .exec(tag)
    ?.slice(1)
    .find((v) => v !== undefined);

/** The zip path of the first sheet in workbook order, or null when the workbook has none. */
function firstSheetPath(workbookXml, relsXml) {
  const sheet = /<(?:\w+:)?sheet\s[^>]*>/.exec(workbookXml)?.[0];
  if (!sheet) return null;
  const rid = attr(sheet, '\\w+:id');
  const rel = (relsXml.match(/<(?:\w+:)?Relationship\s[^>]*>/g) ?? []).find((r) => attr(r, 'Id') === rid);
  const target = rel && attr(rel, 'Target');
  if (!target) return null;
  return target.startsWith('/') ? target.slice(1) : posix.normalize(`xl/${target}`);
}

/** The rebuilt zip: only what ExcelJS needs to read the first sheet, in reading order. */
function orderedZip(buf) {
  const entries = centralDirectory(buf);
  const workbook = entries.get('xl/workbook.xml');
  const rels = entries.get('xl/_rels/workbook.xml.rels');
  if (!workbook || !rels) refuse('not_xlsx');
  const workbookXml = inflateSmall(buf, workbook),
    relsXml = inflateSmall(buf, rels);
  const sheetPath = firstSheetPath(workbookXml.toString('utf8'), relsXml.toString('utf8'));
  const sheet = sheetPath && entries.get(sheetPath);
  if (!sheet) refuse('no_sheet');
  const styles = entries.get('xl/styles.xml'),
    strings = entries.get('xl/sharedStrings.xml');
  if ((styles && styles.rawSize > MAX_STYLES) || (strings && strings.rawSize > MAX_SHARED_STRINGS)) refuse('too_large');

  const parts = [];
  const stored = (name, data) => parts.push(localHeader(name, 0, 0, data.length, data.length), data); // unzipper checks no CRC
  const packed = (name, e) => parts.push(localHeader(name, e.method, e.crc, e.size, e.rawSize), rawData(buf, e));
  stored(rels.name, relsXml);
  stored(workbook.name, workbookXml);
  if (styles) packed(styles.name, styles);
  // Without sharedStrings ExcelJS would spill the sheet to a temp file: give it an empty table instead.
  if (strings) packed(strings.name, strings);
  else
    stored(
      'xl/sharedStrings.xml',
      Buffer.from('<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'),
    );
  packed(/^xl\/worksheets\/sheet\d+\.xml$/.test(sheet.name) ? sheet.name : 'xl/worksheets/sheet1.xml', sheet);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  parts.push(eocd);
  return Readable.from(
    (function* () {
      for (const p of parts) for (let i = 0; i < p.length; i += CHUNK) yield p.subarray(i, i + CHUNK);
    })(),
  );
}

const isDateFmt = (fmt) => !!fmt && /[ymdhs]/i.test(fmt.replace(/\[[^\]]*]|"[^"]*"/g, ''));
const ymd = (d) => (Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10));
const serialToDate = (v, date1904) => new Date(Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 86400000));

/** A cell's text and kind, by the rules readSheet documents. */
function cellText(cell, date1904) {
  const v = cell?.value;
  if (v === null || v === undefined) return ['', 'empty'];
  if (typeof v === 'string') return [v.trim(), 'string'];
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return ['', 'number'];
    // A date-formatted number the reader left as a number is still a date as the office sees it.
    return isDateFmt(cell.numFmt) ? [ymd(serialToDate(v, date1904)), 'date'] : [String(v), 'number'];
  }
  if (typeof v === 'boolean') return [v ? '是' : '否', 'boolean'];
  if (v instanceof Date) return [ymd(v), 'date'];
  if (Array.isArray(v.richText))
    return [
      v.richText
        .map((r) => r.text ?? '')
        .join('')
        .trim(),
      'string',
    ];
  if ('formula' in v || 'sharedFormula' in v || 'result' in v) {
    const r = v.result;
    if (typeof r === 'number')
      return [
        !Number.isFinite(r) ? '' : isDateFmt(cell.numFmt) ? ymd(serialToDate(r, date1904)) : String(r),
        'formula',
      ];
    if (r instanceof Date) return [ymd(r), 'formula'];
    if (typeof r === 'boolean') return [r ? '是' : '否', 'formula'];
    return [typeof r === 'string' ? r.trim() : '', 'formula'];
  }
  if ('error' in v) return ['', 'error'];
  if ('text' in v) return [String(v.text ?? '').trim(), 'string'];
  return ['', 'empty'];
}

const MAX_COLUMNS = 256; // wider than any real register; cells beyond are not read

/** Every non-empty row of the first sheet (all its columns, text and kind per cell), at most `maxRows` of them. */
async function read({ bytes, maxRows }) {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(orderedZip(buf), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let stage = 'parts';
  try {
    for await (const sheet of reader) {
      stage = 'sheet';
      const date1904 = !!reader.properties?.model?.date1904;
      const rows = [];
      let scanned = 0;
      for await (const row of sheet) {
        if (++scanned > MAX_SHEET_ROWS || row.number > MAX_SHEET_ROWS) refuse('too_large');
        const cells = [],
          kinds = [];
        let filled = false;
        row.eachCell((cell, col) => {
          if (col > MAX_COLUMNS) return;
          const [text, kind] = cellText(cell, date1904);
          if (kind === 'empty') return;
          cells[col - 1] = text;
          kinds[col - 1] = kind;
          filled ||= text !== '';
        });
        if (!filled) continue;
        if (rows.length === maxRows) refuse('too_many_rows');
        // Holes (empty cells) become '' / 'empty' so the arrays survive structured cloning densely.
        rows.push({
          row: row.number,
          cells: Array.from(cells, (c) => c ?? ''),
          kinds: Array.from(kinds, (k) => k ?? 'empty'),
        });
      }
      return { rows };
    }
  } catch (err) {
    if (err instanceof Refusal) throw err;
    // A broken part before the sheet means it is no workbook; a failure inside the sheet (or a string too long
    // for V8) means a sheet we will not read.
    refuse(stage === 'sheet' || err instanceof RangeError ? 'too_large' : 'not_xlsx');
  }
  refuse('no_sheet');
}

const input = workerData ?? (await new Promise((resolve) => parentPort.once('message', resolve)));
let outcome;
try {
  outcome = await read(input);
} catch (err) {
  outcome = err instanceof Refusal ? err.outcome : { error: err instanceof RangeError ? 'too_large' : 'not_xlsx' };
}
// The rows go in batches, the next one when the server's thread asks for it: a message is cloned into that thread
// in one go, and 100,000 rows (or all batches queued at once) would hold its event loop for seconds while other
// users' requests wait. The last message is the outcome.
if (outcome.rows) {
  const { rows } = outcome;
  for (let i = 0; i < rows.length; i += BATCH) {
    const next = new Promise((resolve) => parentPort.once('message', resolve));
    parentPort.postMessage({ batch: rows.slice(i, i + BATCH) });
    await next;
  }
  outcome = { rows: [] };
}
parentPort.postMessage(outcome);
