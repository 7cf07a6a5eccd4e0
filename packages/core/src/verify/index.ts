export { readVerifyCases } from './read-verify-cases.js';
export { summarizeVerdicts, type VerdictCounts, type VerdictSummary } from './summarize-verdicts.js';
export { verifyCase, type CaseVerdict, type VerifyCase, type VerifyDefaults } from './verify-case.js';
