/**
 * Fails when the committed generated code differs from what the specs generate now.
 * Run after `nx run-many -t generate`: any diff or untracked file under packages/<api>/src/generated and
 * packages/<api>-types/src/generated is drift, and so is a change to a package README (the generator rewrites the
 * client README's operations table and the whole types package README). The globs cover both packages of an API.
 */
import { output } from "./run.ts";

const status = output("git", [
  "status",
  "--porcelain",
  "--untracked-files=all",
  "--",
  ":(glob)packages/*/src/generated/**",
  ":(glob)packages/*/README.md",
]);
if (status) {
  console.error("✖ Generated code is out of date with the specs. Run `pnpm generate` and commit the result:");
  console.error(status);
  console.error(
    output("git", [
      "--no-pager",
      "diff",
      "--stat",
      "--",
      ":(glob)packages/*/src/generated/**",
      ":(glob)packages/*/README.md",
    ]),
  );
  process.exit(1);
}
console.log("✔ generated code and README operations tables match the specs");
