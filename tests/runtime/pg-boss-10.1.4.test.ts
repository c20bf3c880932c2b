import { defineRuntimeSuite } from './runtimeSuite';

defineRuntimeSuite('10.1.4');
