import { defineRuntimeSuite } from './runtimeSuite';

defineRuntimeSuite('10.0.0');
