import type { GradeFn } from './grade-response.js';

/** Wrap a grader to add up the time spent in it (reported as timings.gradingMs). */
export function timedGrader(grade: GradeFn): { fn: GradeFn; elapsedMs: () => number } {
  let elapsed = 0;
  return {
    fn: (answers, response) => {
      const started = performance.now();
      try {
        return grade(answers, response);
      } finally {
        elapsed += performance.now() - started;
      }
    },
    elapsedMs: () => elapsed,
  };
}
