/** Assistant prefills shared by several templates. */

/** The standard zero-shot chain-of-thought opener (the paper's abel and lm_eval prefills). */
export const LETS_THINK = "Let's think step by step.";

// The paper's formal and reflective templates open the assistant turn with four spaces, an
// indentation artifact of their source; kept so training sees the same prompts.
export const FOUR_SPACES = '    ';
