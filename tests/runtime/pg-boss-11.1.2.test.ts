import { defineRuntimeSuite } from './runtimeSuite';

defineRuntimeSuite('11.1.2');
