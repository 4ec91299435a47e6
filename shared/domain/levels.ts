/** Interview levels a story can be pitched at. */
export const LEVELS = ['SDE1', 'SDE2', 'Senior', 'Principal', 'Manager'] as const;
export type Level = (typeof LEVELS)[number];

export function isLevel(value: string): value is Level {
  return (LEVELS as readonly string[]).includes(value);
}
