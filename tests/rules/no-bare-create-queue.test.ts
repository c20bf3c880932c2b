import * as espree from 'espree';
import { RuleTester, type InvalidTestCase, type ValidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../rules/no-bare-create-queue';
import { casesFor } from './ruleCases';

const { valid, invalid } = casesFor('untyped');

/** Plain JavaScript goes through ESLint's own parser, as in a user's config without typescript-eslint. */
function withDefaultParserForJs<T extends ValidTestCase<Options> | InvalidTestCase<MessageIds, Options>>(item: T): T {
  if (!item.filename?.endsWith('.js')) return item;
  return { ...item, languageOptions: { parser: espree, sourceType: 'commonjs' } };
}

new RuleTester().run('no-bare-create-queue (untyped)', rule, {
  valid: valid.map((item) => (typeof item === 'string' ? item : withDefaultParserForJs(item))),
  invalid: invalid.map(withDefaultParserForJs),
});
