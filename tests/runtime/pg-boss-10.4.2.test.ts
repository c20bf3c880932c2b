import { defineRuntimeSuite } from './runtimeSuite';

defineRuntimeSuite('10.4.2');
