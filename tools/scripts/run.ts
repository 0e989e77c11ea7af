import { spawnSync } from "node:child_process";

/** Runs one step of a script, streaming its output; exits the process with a clear line when it fails. */
export function step(title: string, command: string, args: string[]): void {
  console.log(`\n▶ ${title}: ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit", shell: false });
  if (result.status !== 0) {
    console.error(`\n✖ ${title} failed (exit ${result.status ?? result.signal})`);
    process.exit(1);
  }
}

/** Runs a command and returns its trimmed stdout (stderr passes through). */
export function output(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} exited ${result.status}`);
  return result.stdout.trim();
}
