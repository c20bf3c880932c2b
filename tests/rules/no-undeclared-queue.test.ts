import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../rules/no-undeclared-queue';
import { undeclaredQueueCases } from './no-undeclared-queue.cases';

new RuleTester().run('no-undeclared-queue (untyped)', rule, undeclaredQueueCases().cases);
