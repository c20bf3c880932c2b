/**
 * The inputs the parity test runs through plain `createQueue` and through `safeCreateQueue`: every option
 * some version stores or checks, and keys none stores, each with every value class; names; and options
 * containers. Each options object is built afresh for each call (10.x–12.3 write into the object they get).
 */
export interface Input {
  readonly label: string;
  /** What the input is, for the table of docs/runtime.md. */
  readonly kind:
    { readonly of: 'option'; readonly key: string; readonly shown: string } | { readonly of: 'name' | 'shape' };
  /** The queue the input creates or meets. */
  readonly name: string;
  /** The name argument when it is not `name` itself (not a string, or missing with the name in the options). */
  readonly argument?: { readonly value: unknown };
  readonly options: () => unknown;
  /** The name is what is under test: a queue of another name would not do. */
  readonly nameUnderTest?: boolean;
}

/** Every option some version stores or validates, and keys none stores. */
export const KEYS = [
  'policy',
  'partition',
  'retryLimit',
  'retryDelay',
  'retryBackoff',
  'retryDelayMax',
  'expireInSeconds',
  'retentionMinutes',
  'retentionSeconds',
  'deleteAfterSeconds',
  'warningQueueSize',
  'deadLetter',
  'heartbeatSeconds',
  'notify',
  'expireInMinutes',
  'retentionDays',
  'priority',
] as const;

/**
 * Value classes, each tried for every key, as code shows them: what pg-boss checks, coerces, ignores or
 * stores. Pairs, not an object: an object would put the integer-like keys first.
 */
export const VALUES: ReadonlyArray<readonly [string, () => unknown]> = [
  ['null', () => null],
  ['undefined', () => undefined],
  ["''", () => ''],
  ["'x'", () => 'x'],
  ["'60'", () => '60'],
  ["'true'", () => 'true'],
  ['-1', () => -1],
  ['0', () => 0],
  ['10', () => 10],
  ['1.5', () => 1.5],
  // 24 hours, the bound of expireInSeconds.
  ['86400', () => 24 * 60 * 60],
  // One above PostgreSQL's integer.
  ['2147483648', () => 2_147_483_648],
  ['true', () => true],
  ['{}', () => ({})],
];

export const DEAD_LETTER = 'dlq';
/** An existing queue, created without options, for the inputs that created none of their own. */
export const EXISTING = 'existing';

/** Values that mean something for one key only. */
const KEY_VALUES: Readonly<Record<string, ReadonlyArray<readonly [string, () => unknown]>>> = {
  policy: [
    ["'singleton'", () => 'singleton'],
    ["'exclusive'", () => 'exclusive'],
    ["'key_strict_fifo'", () => 'key_strict_fifo'],
    ["'constructor'", () => 'constructor'],
  ],
  deadLetter: [
    [`'${DEAD_LETTER}'`, () => DEAD_LETTER],
    ["'nowhere'", () => 'nowhere'],
    [`"it's"`, () => "it's"],
    ["'constructor'", () => 'constructor'],
  ],
  priority: [[`"it's"`, () => "it's"]],
};

/** Pairs, not an object: `__proto__` as an object's key would set its prototype, not add a name. */
const NAMES: ReadonlyArray<readonly [string, string]> = [
  ['a space', 'a b'],
  ['a semicolon', 'a;b'],
  ['a single quote', "a'b"],
  ['a double quote', 'a"b'],
  ['a tab', 'a\tb'],
  ['a dot and a slash', 'a.b/c'],
  ['no word character', '..'],
  ['non-ASCII', 'größe'],
  ['2,049 characters', 'n'.repeat(2049)],
  ['2,600 characters', 'n'.repeat(2600)],
  ['`constructor`', 'constructor'],
  ['`toString`', 'toString'],
  ['`__proto__`', '__proto__'],
  ['empty', ''],
];

/** Name arguments that are not a string, or are missing with the name given in the options (`name || options.name`). */
const NAME_ARGUMENTS: ReadonlyArray<{
  readonly label: string;
  readonly name: string;
  readonly value: unknown;
  readonly options?: () => unknown;
}> = [
  { label: 'a number as name', name: 'name_number', value: 5 },
  { label: 'undefined as name', name: 'name_undefined', value: undefined },
  { label: 'null as name', name: 'name_null', value: null },
  { label: 'an object as name', name: 'name_object', value: { name: 'name_object' } },
  {
    label: 'the name only in the options',
    name: 'name_in_options',
    value: undefined,
    options: () => ({ name: 'name_in_options', retryLimit: 4 }),
  },
  {
    label: 'an empty name and the name in the options',
    name: 'name_in_options_too',
    value: '',
    options: () => ({ name: 'name_in_options_too', retryLimit: 4 }),
  },
];

/** Options containers and shapes that are not a single key's value. */
const SHAPES: Readonly<Record<string, () => unknown>> = {
  undefined: () => undefined,
  null: () => null,
  'a number': () => 5,
  'an empty object': () => ({}),
  'an array': () => [],
  'a Map': () => new Map([['retryLimit', 3]]),
  'a Date': () => new Date(0),
  'a class instance': () =>
    new (class Options {
      retryLimit = 3;
    })(),
  'a null-prototype object': () => Object.assign(Object.create(null) as object, { retryLimit: 6 }),
  'a frozen object': () => Object.freeze({ retryLimit: 4, policy: 'short' }),
  'name equal to the queue': () => ({ name: 'shape_name_equal_to_the_queue', retryLimit: 5 }),
  'another name': () => ({ name: 'elsewhere', retryLimit: 5 }),
  'itself as dead letter': () => ({ deadLetter: 'shape_itself_as_dead_letter' }),
  'retryDelayMax with retryBackoff': () => ({ retryBackoff: true, retryDelayMax: 30 }),
  'a null policy and dead letter': () => ({ policy: null, deadLetter: null }),
  'every stored option': () => ({
    policy: 'stately',
    partition: true,
    retryLimit: 7,
    retryDelay: 3,
    retryBackoff: true,
    retryDelayMax: 60,
    expireInSeconds: 120,
    retentionMinutes: 30,
    retentionSeconds: 1800,
    deleteAfterSeconds: 600,
    warningQueueSize: 50,
    deadLetter: DEAD_LETTER,
    heartbeatSeconds: 30,
    notify: true,
  }),
};

const slug = (text: string): string => text.replace(/\W+/g, '_');

export const INPUTS: readonly Input[] = [
  ...KEYS.flatMap((key) =>
    [...VALUES, ...(KEY_VALUES[key] ?? [])].map(([shown, value], index) => ({
      label: `${key}: ${shown}`,
      kind: { of: 'option' as const, key, shown },
      // Shown values differ in punctuation only (`''` and `{}`): the index keeps the names apart.
      name: `${key}_${index}`,
      options: () => ({ [key]: value() }),
    })),
  ),
  ...NAMES.map(([label, name]) => ({
    label: `name with ${label}`,
    kind: { of: 'name' as const },
    name,
    options: () => undefined,
    nameUnderTest: true,
  })),
  ...NAME_ARGUMENTS.map(({ label, name, value, options }) => ({
    label,
    kind: { of: 'name' as const },
    name,
    argument: { value },
    options: options ?? (() => undefined),
    nameUnderTest: true,
  })),
  ...Object.entries(SHAPES).map(([label, options]) => ({
    label,
    kind: { of: 'shape' as const },
    name: `shape_${slug(label)}`,
    options,
  })),
];
