// The ES module face of the CommonJS plugin: only a default export, the same object `require` returns.
import plugin from './index.js';

export default plugin;
