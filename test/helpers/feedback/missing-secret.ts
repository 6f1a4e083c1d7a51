/** What every serverless runtime answers, and logs, while FEEDBACK_SECRET is unset: one check for all. */
import { expect, type MockInstance } from 'vitest';
import { MISSING_SECRET_MESSAGE } from '../../../src/feedback/server/runtimes/missing-secret.ts';

export async function expectMissingSecretAnswers(answers: Response[], logged: MockInstance): Promise<void> {
  for (const res of answers) {
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({
      error: { code: 'MissingFeedbackSecret', message: MISSING_SECRET_MESSAGE, issues: [] },
    });
  }
  expect(logged.mock.calls.filter(([line]) => String(line).includes('"missing_secret"'))).toHaveLength(1);
}
