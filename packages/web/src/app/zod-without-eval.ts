import { z } from 'zod';

// Zod compiles its object parsers with `new Function` when it may; under the Content-Security-Policy
// (script-src 'self', no 'unsafe-eval') its probe is a CSP violation in the console. Its
// interpreter is used instead. Imported first by main.tsx: the setting is read as the schemas are
// built, when core's modules load.
z.config({ jitless: true });
