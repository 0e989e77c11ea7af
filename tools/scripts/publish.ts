/**
 * `pnpm publish-packages` (the last step of `pnpm release`): `changeset publish`, after checking where it goes.
 * Provenance is switched on by the environment (`NPM_CONFIG_PROVENANCE=true`, set by .github/workflows/release.yml,
 * whose OIDC identity signs it), not by the package manifests, so the same packages publish to a private or local
 * registry too. The one combination refused is the public npm registry without provenance.
 */
import { pathToFileURL } from "node:url";
import { step } from "./run.ts";

const PUBLIC = "registry.npmjs.org";

/** Why publishing with this environment must not happen, or undefined when it may. */
export function publishRefusal(env: NodeJS.ProcessEnv): string | undefined {
  const setting = (name: string) =>
    Object.entries(env).find(([key]) => key.toLowerCase() === `npm_config_${name}`)?.[1];
  const registry = setting("registry") || `https://${PUBLIC}/`;
  let host: string;
  try {
    host = new URL(registry).host;
  } catch {
    return `npm_config_registry is not a URL: ${JSON.stringify(registry)}`;
  }
  if (host !== PUBLIC || setting("provenance") === "true") return undefined;
  return (
    `publishing to ${PUBLIC} needs provenance: run it from CI with an OIDC identity and NPM_CONFIG_PROVENANCE=true ` +
    "(.github/workflows/release.yml does). For another registry set npm_config_registry to it."
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const refusal = publishRefusal(process.env);
  if (refusal) {
    console.error(`✖ ${refusal}`);
    process.exit(1);
  }
  step("Publish every package whose version is not on the registry yet", "changeset", ["publish"]);
}
