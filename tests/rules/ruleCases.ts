import type { RunTests } from '@typescript-eslint/rule-tester';
import type { MessageIds, Options } from '../../rules/no-bare-create-queue';
import { invalid as mainInvalid, valid as mainValid, type Mode } from './no-bare-create-queue.cases';
import { invalid as guardLogicInvalid, valid as guardLogicValid } from './no-bare-create-queue.guardLogic.cases';
import { invalid as realCodeInvalid, valid as realCodeValid } from './no-bare-create-queue.realCode.cases';

const valid = [...mainValid, ...realCodeValid, ...guardLogicValid];
const invalid = [...mainInvalid, ...realCodeInvalid, ...guardLogicInvalid];

function belongsTo(mode: Mode) {
  return (item: { mode?: Mode } | string): boolean =>
    typeof item === 'string' || item.mode === undefined || item.mode === mode;
}

function withoutMode<T extends { mode?: Mode }>({ mode: _mode, ...rest }: T): Omit<T, 'mode'> {
  return rest;
}

/** The shared table, without the cases that belong only to the other mode. */
export function casesFor(mode: Mode): RunTests<MessageIds, Options> {
  return {
    valid: valid.filter(belongsTo(mode)).map((item) => (typeof item === 'string' ? item : withoutMode(item))),
    invalid: invalid.filter(belongsTo(mode)).map(withoutMode),
  };
}
