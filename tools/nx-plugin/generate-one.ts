/** One API generated in this thread, with what the CLI would print for it (used by the executor and its workers). */
import { loadGenerator } from "@chat-sdk/generator/bundle";

export interface Outcome {
  success: boolean;
  /** What the CLI would print for this API: warnings, the ✔/✖ summary, scaffolded files. */
  lines: string[];
  scaffolded: string[];
  startTime: number;
  endTime: number;
}

export async function generateOne(root: string, api: string): Promise<Outcome> {
  const { GeneratorError, generateApi, warningLines } = await loadGenerator();
  const startTime = Date.now();
  if (!api)
    return {
      success: false,
      lines: ["✖ the target has no `api` option"],
      scaffolded: [],
      startTime,
      endTime: startTime,
    };
  try {
    const result = await generateApi(root, api);
    const lines = [
      ...warningLines(result.warnings),
      `✔ ${result.packageName}: ${result.operations} operations -> ${result.generated.length} files`,
      ...result.scaffolded.map((file) => `  + scaffolded ${file}`),
    ];
    return { success: true, lines, scaffolded: result.scaffolded, startTime, endTime: Date.now() };
  } catch (error) {
    // A generator error is the user's spec at fault (file:line); anything else is our bug: keep its stack.
    const message = error instanceof GeneratorError ? error.message : (error as Error).stack;
    return { success: false, lines: [`✖ ${api}: ${message}`], scaffolded: [], startTime, endTime: Date.now() };
  }
}
