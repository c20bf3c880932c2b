/**
 * Cheap pre-check shared by the rule and the codemod: files that never mention createQueue need no
 * analysis. In a module of its own, so that the codemod can sort its files before it loads the analysis.
 */
export function mayContainCreateQueue(text: string): boolean {
  return text.includes('createQueue');
}
