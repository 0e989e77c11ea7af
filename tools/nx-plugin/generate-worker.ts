/** A worker thread of a `generate` batch (see generate-executor.ts): generates its share of the APIs, in order. */
import { parentPort, workerData } from "node:worker_threads";
import { generateOne, type Outcome } from "./generate-one.ts";

const { root, jobs } = workerData as { root: string; jobs: { taskId: string; api: string }[] };
const done: [string, Outcome][] = [];
for (const job of jobs) done.push([job.taskId, await generateOne(root, job.api)]);
parentPort?.postMessage(done);
