/**
 * Results computed once per key. Used for what is costly to make and asked for again and again
 * during a build (Intl formatters, per-language texts, SLA clocks), never for results that depend on
 * anything but the arguments.
 */

/** `fn` remembering its result for each key (by default the arguments joined with "|"). */
export function memo<A extends unknown[], V>(fn: (...args: A) => V, key: (...args: A) => string = (...args) => args.join('|')): (...args: A) => V {
  const results = new Map<string, V>();
  return (...args) => {
    const k = key(...args);
    if (results.has(k)) return results.get(k) as V;
    const value = fn(...args);
    results.set(k, value);
    return value;
  };
}

/** `fn` remembering its result for each object (held weakly) and key, for results derived from content objects. */
export function memoByObject<O extends object, A extends unknown[], V>(
  fn: (o: O, ...args: A) => V,
  key: (...args: A) => string = (...args) => args.join('|'),
): (o: O, ...args: A) => V {
  const results = new WeakMap<O, Map<string, V>>();
  return (o, ...args) => {
    let byKey = results.get(o);
    if (!byKey) results.set(o, (byKey = new Map()));
    const k = key(...args);
    if (byKey.has(k)) return byKey.get(k) as V;
    const value = fn(o, ...args);
    byKey.set(k, value);
    return value;
  };
}
