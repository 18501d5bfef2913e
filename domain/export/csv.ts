// CSV as RFC 4180 says: fields with a comma, a quote or a line break are quoted, quotes doubled,
// records end with CRLF. Files start with a UTF-8 byte order mark so Excel reads Cyrillic correctly.
export const UTF8_BOM = '\uFEFF';

export type CsvValue = string | number | boolean | null | undefined;

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRecord(values: CsvValue[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/**
 * Text typed by people (names, usernames): a spreadsheet runs a cell starting with = + - @ as a
 * formula, so such text gets a leading apostrophe (OWASP's advice against CSV injection).
 */
export function peopleText(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** Joins records into chunks of about `chunkSize` characters, as UTF-8 bytes, starting with the BOM. */
export async function* csvChunks(header: string[], records: AsyncIterable<CsvValue[]>, chunkSize = 64 * 1024): AsyncGenerator<Uint8Array> {
  let chunk = UTF8_BOM + csvRecord(header);
  for await (const record of records) {
    chunk += csvRecord(record);
    if (chunk.length >= chunkSize) {
      yield Buffer.from(chunk, 'utf8');
      chunk = '';
    }
  }
  if (chunk.length > 0) yield Buffer.from(chunk, 'utf8');
}
