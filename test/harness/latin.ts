// Latin-script words in a text meant for a Russian or Bulgarian reader, leaving out what is Latin in
// every language: links, commands, time zone names, card numbers, configuration variables and the names
// of products and formats.
const LATIN_ALLOWED = new Set(['Telegram', 'QR', 'CSV', 'README', 'Statistics', 'Excel', 'Google', 'Maps', 'Numbers', 'PNG', 'ID', 'GDPR', 'Yandex']);

export function englishWords(text: string, alsoAllowed: readonly string[] = []): string[] {
  const stripped = text
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/(^|[\s(])\/[a-z_]+/g, ' ') // commands
    .replace(/\b[A-Z][a-z]+\/[A-Za-z_]+\b/g, ' ') // time zones
    .replace(/\b[A-Z0-9]{4}-?[A-Z0-9]{4}\b/g, ' ') // card numbers
    .replace(/\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/g, ' ') // configuration variables (OWNER_IDS)
    .replace(/[«„][A-Za-z ]+[»“]/g, ' '); // a label quoted verbatim, e.g. the log line «claim code»
  return (stripped.match(/[A-Za-z](?:[A-Za-z'’-]*[A-Za-z])?/g) ?? []).filter((w) => !LATIN_ALLOWED.has(w) && !alsoAllowed.includes(w));
}
