import { execFile } from "node:child_process";

/**
 * Runs a command to completion and resolves to its stdout; rejects with the end of its output when it fails.
 * Asynchronous on purpose: the test process also serves HTTP (the API stand-in) and must stay responsive.
 */
export function run(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<string> {
  return new Promise((resolve, reject) => {
    const env = options.env ?? process.env;
    execFile(command, args, { cwd: options.cwd, env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (!error) return resolve(stdout);
      const output = `${stdout}${stderr}`.slice(-4000);
      reject(
        new Error(`${command} ${args.join(" ")} failed (${error.code ?? error.signal}) in ${options.cwd}:\n${output}`),
      );
    });
  });
}
