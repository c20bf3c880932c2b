import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../rules/no-conflicting-queue-options';
import { conflictingOptionsCases } from './no-conflicting-queue-options.cases';

new RuleTester().run('no-conflicting-queue-options (untyped)', rule, conflictingOptionsCases().cases);
