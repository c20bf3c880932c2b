import type { Transform } from 'jscodeshift';
import { expectTypeOf, it } from 'vitest';
import transform from '../../codemods/safe-create-queue';

// The transform declares jscodeshift's file and options types itself, so that the package needs no
// jscodeshift types; this keeps the local declaration in step with jscodeshift's own `Transform`.
it("is a jscodeshift Transform by jscodeshift's own types", () => {
  expectTypeOf(transform).toExtend<Transform>();
});
