import { z } from 'zod';

// zod compiles object parsers with `new Function` when it can, and probes for that ability on first use. Under the
// app's CSP (no 'unsafe-eval') the probe is blocked and reported as a securitypolicyviolation. jitless mode makes
// zod use its interpreter and skip the probe. Imported first by main.tsx, before any schema parses.
z.config({ jitless: true });
