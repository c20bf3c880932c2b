/** A PostgreSQL identifier, quoted so that any name is read verbatim. */
export function quoteIdentifier(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}
