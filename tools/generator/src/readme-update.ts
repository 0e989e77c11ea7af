import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { ApiLayout } from "./layout.ts";
import {
  OPERATIONS_END,
  OPERATIONS_START,
  operationsTable,
  replaceOperationsRegion,
  type TableOperation,
} from "./readme-table.ts";

/** The README's new text (undefined: nothing to write) or why it is left as it is (a generation warning). */
export interface ReadmeUpdate {
  file: string;
  content: string | undefined;
  warning: string | undefined;
}

/** packages/<api>/README.md with a fresh operations table, read and computed in memory (see readme-table.ts). */
export function readmeUpdate(layout: ApiLayout, ops: readonly TableOperation[]): ReadmeUpdate {
  const file = path.join(layout.packageDir, "README.md");
  const shown = path.relative(layout.root, file);
  const skipped = (why: string) => ({
    file,
    content: undefined,
    warning: `${shown}: ${why}, so the operations table was not written (add ${OPERATIONS_START} and ${OPERATIONS_END})`,
  });
  if (!existsSync(file)) return skipped("no README");
  const before = readFileSync(file, "utf8");
  const after = replaceOperationsRegion(before, operationsTable(ops));
  if (after === undefined) return skipped("no operations markers");
  return { file, content: after === before ? undefined : after, warning: undefined };
}
