import { defineRuntimeSuite } from './runtimeSuite';

defineRuntimeSuite('12.38.0');
