// Typed calls of the callback-example-30 client, type-checked with the generated package (copied to its test/usage.ts).
// `// @ts-expect-error` lines are calls that must not compile.
import { createCallbackExample30Client } from "../src/index.ts";

const client = createCallbackExample30Client({ baseUrl: "http://127.0.0.1:1" });

export async function usage(): Promise<void> {
  const subscription = await client.postStreams({ callbackUrl: "https://example.com/cb" });
  subscription.subscriptionId satisfies string;
  // @ts-expect-error callbackUrl is a required query parameter
  await client.postStreams({});
  // @ts-expect-error ... so the input is required
  await client.postStreams();
}
