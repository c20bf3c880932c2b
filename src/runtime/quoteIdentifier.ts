/** An SQL identifier in double quotes, as PostgreSQL reads it back verbatim (a `"` is written `""`). */
export function quoteIdentifier(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}
