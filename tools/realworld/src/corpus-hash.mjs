/**
 * Prints a hash of the corpus folder (file names and bytes), an input of the Nx `test` target: the corpus lives
 * outside the workspace, so Nx would not notice a changed or added spec otherwise. Plain JavaScript, so that any
 * Node version Nx happens to run it with can. Same folder rule as src/corpus.ts: $REALWORLD_SPECS, else
 * <repo>/../shared/realworld-specs. Prints "missing" when the folder is absent (the tests then say why).
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const dir = process.env.REALWORLD_SPECS
  ? path.resolve(process.env.REALWORLD_SPECS)
  : path.resolve(root, "../shared/realworld-specs");

if (!existsSync(dir)) {
  console.log("missing");
} else {
  const hash = createHash("sha256");
  const walk = (relative) => {
    const entries = readdirSync(path.join(dir, relative), { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    );
    for (const entry of entries) {
      const name = path.join(relative, entry.name);
      if (entry.isDirectory()) walk(name);
      else if (entry.isFile())
        hash
          .update(name)
          .update("\0")
          .update(readFileSync(path.join(dir, name)))
          .update("\0");
    }
  };
  walk("");
  console.log(hash.digest("hex"));
}
