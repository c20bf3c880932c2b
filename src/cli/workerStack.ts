/**
 * A worker's stack, in MB: the main thread's on Linux and macOS. Node gives a worker 4 MB, in which oxc's
 * parser (native code, unchecked by V8) overflowed on a file the main thread parses, and the process died
 * of a segmentation fault. V8's limit for JavaScript is set from the same figure, about eight times the
 * main thread's: a file the main thread runs out of stack on is read again on a worker, so that its
 * outcome is a worker's on any number of threads. parseWithOxc's DEEPEST_FOR_OXC is measured against this stack.
 */
export const WORKER_STACK_MB = 8;
