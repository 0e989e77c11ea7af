import { randomUUID } from "node:crypto";
import { createReadStream, createWriteStream, type ReadStream } from "node:fs";
import { link, mkdir, stat, unlink } from "node:fs/promises";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

/** Nx task hashes are decimal digits; letters are allowed too, but never `.` or `/`, so a hash cannot name a path. */
const HASH = /^[A-Za-z0-9]{1,128}$/;

export function isValidHash(hash: string): boolean {
  return HASH.test(hash);
}

export type WriteResult = "stored" | "exists" | "size-mismatch";

/**
 * One file per hash in a directory. Entries are written once and never replaced (the Nx protocol answers 409 to a
 * second upload), so a reader never sees a half-written archive: uploads land in `.incoming/` and are hard-linked
 * into place, which fails atomically when another upload of the same hash won the race.
 */
export class DiskStore {
  readonly #dir: string;
  readonly #incoming: string;

  constructor(dir: string) {
    this.#dir = dir;
    this.#incoming = join(dir, ".incoming");
  }

  async init(): Promise<void> {
    await mkdir(this.#incoming, { recursive: true });
  }

  async has(hash: string): Promise<boolean> {
    return (await this.size(hash)) !== undefined;
  }

  /** Size in bytes of a stored entry, or undefined when there is none. */
  async size(hash: string): Promise<number | undefined> {
    try {
      return (await stat(this.#path(hash))).size;
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  read(hash: string): ReadStream {
    return createReadStream(this.#path(hash));
  }

  /** Streams `body` to disk; keeps it only if exactly `expectedBytes` arrived and no entry for `hash` exists yet. */
  async write(hash: string, body: Readable, expectedBytes: number): Promise<WriteResult> {
    const temporary = join(this.#incoming, randomUUID());
    let received = 0;
    body.on("data", (chunk: Buffer) => {
      received += chunk.length;
    });
    try {
      await pipeline(body, createWriteStream(temporary, { flags: "wx" }));
      if (received !== expectedBytes) return "size-mismatch";
      await link(temporary, this.#path(hash));
      return "stored";
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST") return "exists";
      throw error;
    } finally {
      await unlink(temporary).catch(() => undefined);
    }
  }

  #path(hash: string): string {
    if (!isValidHash(hash)) throw new Error("invalid cache hash");
    return join(this.#dir, hash);
  }
}

function isNotFound(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === "ENOENT";
}
