import { afterAll, beforeAll, beforeEach } from "vitest";
import { type RecordingServer, startRecordingServer } from "./index.ts";

/**
 * One recording server for a test file: started before the first test, closed after the last, and reset before each
 * test (no recorded requests, default answer 200 `{}`). Use it at the top level of a test file.
 */
export function useRecordingServer(): RecordingServer {
  let server: RecordingServer | undefined;
  beforeAll(async () => {
    server = await startRecordingServer();
  });
  afterAll(() => server?.close());
  beforeEach(() => {
    started().requests.length = 0;
    started().reply({ json: {} });
  });
  const started = () => {
    if (!server) throw new Error("useRecordingServer: the server starts in beforeAll; use it inside tests");
    return server;
  };
  return {
    get url() {
      return started().url;
    },
    get requests() {
      return started().requests;
    },
    reply: (response) => started().reply(response),
    close: () => started().close(),
  };
}
