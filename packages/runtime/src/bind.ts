import type { ApiClient } from "./client.ts";
import type { CallOptions, OperationDescriptor } from "./operation.ts";

type BoundOperation = (inputOrOptions?: object, options?: CallOptions<string>) => Promise<unknown>;

/**
 * One method per descriptor, by name, on one client: `(input, options)`, or `(options)` for an operation that takes
 * no input. The generated `bindOperations` names the interface the result has (`Operations`); binding from the descriptors (rather than wrapping each
 * generated function) keeps a whole client's bundle to one descriptor per operation.
 */
export function bindDescriptors<Operations>(
  client: ApiClient<object>,
  operations: Readonly<Record<string, OperationDescriptor>>,
): Operations {
  const bound: Record<string, BoundOperation> = {};
  for (const name in operations) {
    const operation = operations[name] as OperationDescriptor;
    bound[name] = operation.noInput
      ? (options) => client.call(operation, {}, options)
      : (input, options) => client.call(operation, input ?? {}, options);
  }
  return bound as Operations;
}
