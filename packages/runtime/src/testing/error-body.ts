/**
 * The union of the JSON bodies an openapi-typescript operation documents for non-2xx statuses; `unknown` when it
 * documents none (so `replyError` takes any body only when the spec says nothing).
 */
export type ErrorBodyOf<Op> = [ErrorBodies<Op>] extends [never] ? unknown : ErrorBodies<Op>;

type ErrorBodies<Op> = Op extends { responses: infer R }
  ? {
      [S in keyof R]: `${S & (string | number)}` extends `2${string}`
        ? never
        : R[S] extends { content: infer C }
          ? C[keyof C]
          : never;
    }[keyof R]
  : never;
