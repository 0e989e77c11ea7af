import { spawnSync } from "node:child_process";

/** Runs a command to completion and returns its stdout; throws with the end of its output when it fails. */
export function run(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): string {
  const result = spawnSync(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    const output = `${result.stdout ?? ""}${result.stderr ?? ""}`;
    throw new Error(
      `${command} ${args.join(" ")} failed (exit ${result.status ?? result.signal}) in ${options.cwd}:\n${output.slice(-4000)}`,
    );
  }
  return result.stdout ?? "";
}
