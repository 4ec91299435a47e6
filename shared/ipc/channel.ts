import type { z } from 'zod';

/** A channel: the zod schema its input must pass, and (as a type only) what it answers. */
export interface Channel<I extends z.ZodType, O> {
  input: I;
  /** Never read at run time: carries the result type. */
  output?: O;
}

/** Declares a channel answering O: `channel<Story>()(inputSchema)`. */
export function channel<O>() {
  return <I extends z.ZodType>(input: I): Channel<I, O> => ({ input });
}
