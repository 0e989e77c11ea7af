/**
 * A failure the user can act on: it names the spec file and, when known, the place inside it
 * (`line:column` and JSON pointer). The CLI prints `message` as is.
 */
export class GeneratorError extends Error {
  override readonly name = "GeneratorError";
  readonly file: string;
  readonly location: string | undefined;

  constructor(file: string, problem: string, location?: string) {
    super(`${file}${location ? `:${location}` : ""}: ${problem}`);
    this.file = file;
    this.location = location;
  }
}
