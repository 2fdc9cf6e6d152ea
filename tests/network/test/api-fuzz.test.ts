// Schema fuzzing of the running gateway from its own /openapi.json (schemathesis): generated
// requests, valid and invalid, to every operation — anonymously and as a signed-in developer —
// must never get a 5xx answer. Reports are kept in reports/schemathesis/.
import { expect } from 'chai';
import { ApiScenario } from '../src/api-scenario.ts';
import { sharedGateway } from '../src/api-gateway.ts';
import { fuzzApi, type FuzzOutcome } from '../src/schemathesis.ts';

/**
 * Every operation was exercised and no check failed. The fuzzer's own internal errors (a Hypothesis
 * bug on some Python versions) are shown but are not answers of the API.
 */
function expectNoServerErrors(outcome: FuzzOutcome): void {
  expect(outcome.operations, outcome.output).to.be.greaterThan(60);
  expect(outcome.failures, outcome.output).to.equal(0);
  if (outcome.errors > 0) process.stdout.write(`      (schemathesis could not run ${String(outcome.errors)} case(s) itself)\n`);
}

describe('gateway API under schema fuzzing (schemathesis)', function () {
  this.timeout(15 * 60_000);
  let openApiUrl: string;
  let scenario: ApiScenario;

  before(async () => {
    openApiUrl = `${(await sharedGateway()).url}/openapi.json`;
    scenario = await ApiScenario.open();
  });

  it('answers no 5xx to anonymous callers on any operation', async () => {
    const outcome = await fuzzApi(openApiUrl, 'anonymous', { maxExamples: 25 });
    expectNoServerErrors(outcome);
  });

  it('answers no 5xx to a signed-in developer on any operation', async () => {
    const developer = await scenario.developer(scenario.companyId('FUZZ'));
    const manager = await scenario.person(developer, 'Manager');
    const token = (manager.client.credential as { token: string }).token;
    // Log-out would end the session the run is using; the access token lives long enough for the run.
    const outcome = await fuzzApi(openApiUrl, 'developer', {
      maxExamples: 15,
      headers: [`Authorization: Bearer ${token}`],
      excludePathRegex: '^/auth/logout$',
    });
    expectNoServerErrors(outcome);
  });
});
