/** Distinct operation names kept as labels; past them, `other`. */
const MAX_NAMES = 200;
const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/**
 * Operation names come from clients: as metric labels they must stay few, or anyone could fill
 * the process' memory with one series per made-up name. The first names seen are kept (the
 * console's and the scripts' operations, in practice); later newcomers share `other`.
 */
export class OperationLabels {
  private readonly seen = new Set<string>();

  label(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (!NAME.test(name)) return 'other';
    if (this.seen.has(name)) return name;
    if (this.seen.size >= MAX_NAMES) return 'other';
    this.seen.add(name);
    return name;
  }
}
