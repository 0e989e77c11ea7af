/**
 * Prints a hash of the folder in $REALWORLD_SPECS (file names and bytes), an input of the Nx `test` target: such a
 * folder may live outside the workspace, so Nx would not notice a changed or added spec otherwise. Without it the
 * target runs the vendored corpus/ folder, which is a plain input of the project ("vendored" is printed). Plain
 * JavaScript, so that any Node version Nx happens to run it with can. Prints "missing" when the folder is absent.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const dir = process.env.REALWORLD_SPECS ? path.resolve(process.env.REALWORLD_SPECS) : undefined;

if (!dir) {
  console.log("vendored");
} else if (!existsSync(dir)) {
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
