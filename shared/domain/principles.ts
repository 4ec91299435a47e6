/**
 * The sixteen Amazon Leadership Principles: stable ids and their names.
 * The coaching text about each one lives in content/principles/ and is validated against these ids.
 */
export const PRINCIPLES = [
  { id: 'customer-obsession', name: 'Customer Obsession' },
  { id: 'ownership', name: 'Ownership' },
  { id: 'invent-and-simplify', name: 'Invent and Simplify' },
  { id: 'are-right-a-lot', name: 'Are Right, A Lot' },
  { id: 'learn-and-be-curious', name: 'Learn and Be Curious' },
  { id: 'hire-and-develop-the-best', name: 'Hire and Develop the Best' },
  { id: 'insist-on-the-highest-standards', name: 'Insist on the Highest Standards' },
  { id: 'think-big', name: 'Think Big' },
  { id: 'bias-for-action', name: 'Bias for Action' },
  { id: 'frugality', name: 'Frugality' },
  { id: 'earn-trust', name: 'Earn Trust' },
  { id: 'dive-deep', name: 'Dive Deep' },
  { id: 'have-backbone-disagree-and-commit', name: 'Have Backbone; Disagree and Commit' },
  { id: 'deliver-results', name: 'Deliver Results' },
  { id: 'strive-to-be-earths-best-employer', name: "Strive to be Earth's Best Employer" },
  { id: 'success-and-scale-bring-broad-responsibility', name: 'Success and Scale Bring Broad Responsibility' },
] as const;

export type PrincipleId = (typeof PRINCIPLES)[number]['id'];
export const PRINCIPLE_IDS: readonly PrincipleId[] = PRINCIPLES.map((p) => p.id);

export function isPrincipleId(value: string): value is PrincipleId {
  return (PRINCIPLE_IDS as readonly string[]).includes(value);
}

export function principleName(id: PrincipleId): string {
  return PRINCIPLES.find((p) => p.id === id)?.name ?? id;
}
