// The ES module face of the CommonJS transform: only a default export, the same function `require` returns.
import transform from './safe-create-queue.js';

export default transform;
