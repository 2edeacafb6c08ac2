// @ts-nocheck
// Reading resource properties the way the analyzer hands them over.
//
// During `pulumi preview` many values are not known yet (an ARN or id of a
// resource still to be created, a JSON document built from one). The engine
// marshals every such value as a sentinel string, and @pulumi/policy wraps the
// properties in a proxy that throws when a policy reads one; the SDK then turns
// the whole policy run into a "can't run during preview" note. The policies of
// this pack instead take a plain copy of the properties (`plain`) and treat an
// unknown value as "cannot tell yet": the check it feeds is skipped, every
// other check still runs. A violation is only reported on known values.

/**
 * The sentinels @pulumi/policy recognises (proxy.js). The engine sends
 * `UNKNOWN_STRING` for every unknown value whatever its type
 * (plugin.MarshalProperties with KeepUnknowns); the others exist in the SDK's
 * protocol and are accepted for completeness.
 */function stryNS_9fa48() {
  var g = typeof globalThis === 'object' && globalThis && globalThis.Math === Math && globalThis || new Function("return this")();
  var ns = g.__stryker__ || (g.__stryker__ = {});
  if (ns.activeMutant === undefined && g.process && g.process.env && g.process.env.__STRYKER_ACTIVE_MUTANT__) {
    ns.activeMutant = g.process.env.__STRYKER_ACTIVE_MUTANT__;
  }
  function retrieveNS() {
    return ns;
  }
  stryNS_9fa48 = retrieveNS;
  return retrieveNS();
}
stryNS_9fa48();
function stryCov_9fa48() {
  var ns = stryNS_9fa48();
  var cov = ns.mutantCoverage || (ns.mutantCoverage = {
    static: {},
    perTest: {}
  });
  function cover() {
    var c = cov.static;
    if (ns.currentTestId) {
      c = cov.perTest[ns.currentTestId] = cov.perTest[ns.currentTestId] || {};
    }
    var a = arguments;
    for (var i = 0; i < a.length; i++) {
      c[a[i]] = (c[a[i]] || 0) + 1;
    }
  }
  stryCov_9fa48 = cover;
  cover.apply(null, arguments);
}
function stryMutAct_9fa48(id) {
  var ns = stryNS_9fa48();
  function isActive(id) {
    if (ns.activeMutant === id) {
      if (ns.hitCount !== void 0 && ++ns.hitCount > ns.hitLimit) {
        throw new Error('Stryker: Hit count limit reached (' + ns.hitCount + ')');
      }
      return true;
    }
    return false;
  }
  stryMutAct_9fa48 = isActive;
  return isActive(id);
}
export const UNKNOWN_STRING = stryMutAct_9fa48("2405") ? "" : (stryCov_9fa48("2405"), "04da6b54-80e4-46f7-96ec-b56ff0331ba9");
const UNKNOWN_SENTINELS: ReadonlySet<unknown> = new Set(stryMutAct_9fa48("2406") ? [] : (stryCov_9fa48("2406"), [stryMutAct_9fa48("2407") ? "" : (stryCov_9fa48("2407"), "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7"), // boolean
stryMutAct_9fa48("2408") ? "" : (stryCov_9fa48("2408"), "3eeb2bf0-c639-47a8-9e75-3b44932eb421"),
// number
UNKNOWN_STRING, stryMutAct_9fa48("2409") ? "" : (stryCov_9fa48("2409"), "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2"), // array
stryMutAct_9fa48("2410") ? "" : (stryCov_9fa48("2410"), "030794c1-ac77-496b-92df-f27374a8bd58"), // asset
stryMutAct_9fa48("2411") ? "" : (stryCov_9fa48("2411"), "e48ece36-62e2-4504-bad9-02848725956a"), // archive
stryMutAct_9fa48("2412") ? "" : (stryCov_9fa48("2412"), "dd056dcd-154b-4c76-9bd3-c8f88648b5ff") // object
]));

/** True when `v` is a value the engine could not compute yet. */
export function isUnknown(v: unknown): boolean {
  if (stryMutAct_9fa48("2413")) {
    {}
  } else {
    stryCov_9fa48("2413");
    return UNKNOWN_SENTINELS.has(v);
  }
}

/** True when `v` is unknown or contains an unknown value anywhere inside. */
export function hasUnknown(v: unknown): boolean {
  if (stryMutAct_9fa48("2414")) {
    {}
  } else {
    stryCov_9fa48("2414");
    if (stryMutAct_9fa48("2416") ? false : stryMutAct_9fa48("2415") ? true : (stryCov_9fa48("2415", "2416"), isUnknown(v))) {
      if (stryMutAct_9fa48("2417")) {
        {}
      } else {
        stryCov_9fa48("2417");
        return stryMutAct_9fa48("2418") ? false : (stryCov_9fa48("2418"), true);
      }
    }
    // Arrays too: their elements are their values.
    if (stryMutAct_9fa48("2421") ? typeof v === "object" || v !== null : stryMutAct_9fa48("2420") ? false : stryMutAct_9fa48("2419") ? true : (stryCov_9fa48("2419", "2420", "2421"), (stryMutAct_9fa48("2423") ? typeof v !== "object" : stryMutAct_9fa48("2422") ? true : (stryCov_9fa48("2422", "2423"), typeof v === (stryMutAct_9fa48("2424") ? "" : (stryCov_9fa48("2424"), "object")))) && (stryMutAct_9fa48("2426") ? v === null : stryMutAct_9fa48("2425") ? true : (stryCov_9fa48("2425", "2426"), v !== null)))) {
      if (stryMutAct_9fa48("2427")) {
        {}
      } else {
        stryCov_9fa48("2427");
        return stryMutAct_9fa48("2428") ? Object.values(v).every(hasUnknown) : (stryCov_9fa48("2428"), Object.values(v).some(hasUnknown));
      }
    }
    return stryMutAct_9fa48("2429") ? true : (stryCov_9fa48("2429"), false);
  }
}

/**
 * A plain deep copy of resource properties, read through property descriptors
 * so the SDK's unknown-checking proxy never throws: unknown values stay in the
 * copy as their sentinel strings (test them with `isUnknown`/`test`). The
 * declared type is kept for readability; any leaf may be an unknown sentinel
 * at run time, which is why checks go through `test`.
 */
export function plain<T>(value: T): T {
  if (stryMutAct_9fa48("2430")) {
    {}
  } else {
    stryCov_9fa48("2430");
    return copy(value) as T;
  }
}
function copy(value: unknown): unknown {
  if (stryMutAct_9fa48("2431")) {
    {}
  } else {
    stryCov_9fa48("2431");
    if (stryMutAct_9fa48("2434") ? typeof value !== "object" && value === null : stryMutAct_9fa48("2433") ? false : stryMutAct_9fa48("2432") ? true : (stryCov_9fa48("2432", "2433", "2434"), (stryMutAct_9fa48("2436") ? typeof value === "object" : stryMutAct_9fa48("2435") ? false : (stryCov_9fa48("2435", "2436"), typeof value !== (stryMutAct_9fa48("2437") ? "" : (stryCov_9fa48("2437"), "object")))) || (stryMutAct_9fa48("2439") ? value !== null : stryMutAct_9fa48("2438") ? false : (stryCov_9fa48("2438", "2439"), value === null)))) {
      if (stryMutAct_9fa48("2440")) {
        {}
      } else {
        stryCov_9fa48("2440");
        return value;
      }
    }
    const isArray = Array.isArray(value);
    const out: Record<string, unknown> | unknown[] = isArray ? stryMutAct_9fa48("2441") ? ["Stryker was here"] : (stryCov_9fa48("2441"), []) : {};
    for (const key of Object.keys(value)) {
      if (stryMutAct_9fa48("2442")) {
        {}
      } else {
        stryCov_9fa48("2442");
        // A proxy without a getOwnPropertyDescriptor trap forwards to its
        // target: this reads the raw value without the proxy's `get` check.
        const descriptor = Object.getOwnPropertyDescriptor(value, key);
        // Stryker disable next-line ConditionalExpression,LogicalOperator: property bags from the engine have data properties only
        if (descriptor && (stryMutAct_9fa48("2446") ? "" : (stryCov_9fa48("2446"), "value")) in descriptor) {
          if (stryMutAct_9fa48("2447")) {
            {}
          } else {
            stryCov_9fa48("2447");
            (out as Record<string, unknown>)[key] = copy(descriptor.value);
          }
        }
      }
    }
    return out;
  }
}

/** Three-valued result of a check: true, false, or undefined (cannot tell yet). */
export type Tri = boolean | undefined;

/** Applies `predicate` to `v` unless `v` is or contains an unknown value. */
export function test<T>(v: T, predicate: (v: T) => boolean): Tri {
  if (stryMutAct_9fa48("2448")) {
    {}
  } else {
    stryCov_9fa48("2448");
    return hasUnknown(v) ? undefined : predicate(v);
  }
}

/** Kleene AND: false wins, then unknown. */
export function all(values: Iterable<Tri>): Tri {
  if (stryMutAct_9fa48("2449")) {
    {}
  } else {
    stryCov_9fa48("2449");
    let result: Tri = stryMutAct_9fa48("2450") ? false : (stryCov_9fa48("2450"), true);
    for (const v of values) {
      if (stryMutAct_9fa48("2451")) {
        {}
      } else {
        stryCov_9fa48("2451");
        if (stryMutAct_9fa48("2454") ? v !== false : stryMutAct_9fa48("2453") ? false : stryMutAct_9fa48("2452") ? true : (stryCov_9fa48("2452", "2453", "2454"), v === (stryMutAct_9fa48("2455") ? true : (stryCov_9fa48("2455"), false)))) {
          if (stryMutAct_9fa48("2456")) {
            {}
          } else {
            stryCov_9fa48("2456");
            return stryMutAct_9fa48("2457") ? true : (stryCov_9fa48("2457"), false);
          }
        }
        if (stryMutAct_9fa48("2460") ? v !== undefined : stryMutAct_9fa48("2459") ? false : stryMutAct_9fa48("2458") ? true : (stryCov_9fa48("2458", "2459", "2460"), v === undefined)) {
          if (stryMutAct_9fa48("2461")) {
            {}
          } else {
            stryCov_9fa48("2461");
            result = undefined;
          }
        }
      }
    }
    return result;
  }
}

/** Kleene OR: true wins, then unknown. */
export function any(values: Iterable<Tri>): Tri {
  if (stryMutAct_9fa48("2462")) {
    {}
  } else {
    stryCov_9fa48("2462");
    let result: Tri = stryMutAct_9fa48("2463") ? true : (stryCov_9fa48("2463"), false);
    for (const v of values) {
      if (stryMutAct_9fa48("2464")) {
        {}
      } else {
        stryCov_9fa48("2464");
        if (stryMutAct_9fa48("2467") ? v !== true : stryMutAct_9fa48("2466") ? false : stryMutAct_9fa48("2465") ? true : (stryCov_9fa48("2465", "2466", "2467"), v === (stryMutAct_9fa48("2468") ? false : (stryCov_9fa48("2468"), true)))) {
          if (stryMutAct_9fa48("2469")) {
            {}
          } else {
            stryCov_9fa48("2469");
            return stryMutAct_9fa48("2470") ? false : (stryCov_9fa48("2470"), true);
          }
        }
        if (stryMutAct_9fa48("2473") ? v !== undefined : stryMutAct_9fa48("2472") ? false : stryMutAct_9fa48("2471") ? true : (stryCov_9fa48("2471", "2472", "2473"), v === undefined)) {
          if (stryMutAct_9fa48("2474")) {
            {}
          } else {
            stryCov_9fa48("2474");
            result = undefined;
          }
        }
      }
    }
    return result;
  }
}
export function not(v: Tri): Tri {
  if (stryMutAct_9fa48("2475")) {
    {}
  } else {
    stryCov_9fa48("2475");
    return (stryMutAct_9fa48("2478") ? v !== undefined : stryMutAct_9fa48("2477") ? false : stryMutAct_9fa48("2476") ? true : (stryCov_9fa48("2476", "2477", "2478"), v === undefined)) ? undefined : stryMutAct_9fa48("2479") ? v : (stryCov_9fa48("2479"), !v);
  }
}

/** A known object or array: not absent, not null, not an unknown sentinel (a string). */
export function isObject(v: unknown): v is Record<string, unknown> {
  if (stryMutAct_9fa48("2480")) {
    {}
  } else {
    stryCov_9fa48("2480");
    return stryMutAct_9fa48("2483") ? typeof v === "object" || v !== null : stryMutAct_9fa48("2482") ? false : stryMutAct_9fa48("2481") ? true : (stryCov_9fa48("2481", "2482", "2483"), (stryMutAct_9fa48("2485") ? typeof v !== "object" : stryMutAct_9fa48("2484") ? true : (stryCov_9fa48("2484", "2485"), typeof v === (stryMutAct_9fa48("2486") ? "" : (stryCov_9fa48("2486"), "object")))) && (stryMutAct_9fa48("2488") ? v === null : stryMutAct_9fa48("2487") ? true : (stryCov_9fa48("2487", "2488"), v !== null)));
  }
}

/** A known, non-empty string, or undefined (absent, empty or unknown). */
export function knownString(v: unknown): string | undefined {
  if (stryMutAct_9fa48("2489")) {
    {}
  } else {
    stryCov_9fa48("2489");
    return (stryMutAct_9fa48("2492") ? typeof v === "string" && v !== "" || !isUnknown(v) : stryMutAct_9fa48("2491") ? false : stryMutAct_9fa48("2490") ? true : (stryCov_9fa48("2490", "2491", "2492"), (stryMutAct_9fa48("2494") ? typeof v === "string" || v !== "" : stryMutAct_9fa48("2493") ? true : (stryCov_9fa48("2493", "2494"), (stryMutAct_9fa48("2496") ? typeof v !== "string" : stryMutAct_9fa48("2495") ? true : (stryCov_9fa48("2495", "2496"), typeof v === (stryMutAct_9fa48("2497") ? "" : (stryCov_9fa48("2497"), "string")))) && (stryMutAct_9fa48("2499") ? v === "" : stryMutAct_9fa48("2498") ? true : (stryCov_9fa48("2498", "2499"), v !== (stryMutAct_9fa48("2500") ? "Stryker was here!" : (stryCov_9fa48("2500"), "")))))) && (stryMutAct_9fa48("2501") ? isUnknown(v) : (stryCov_9fa48("2501"), !isUnknown(v))))) ? v : undefined;
  }
}

/**
 * Parses a JSON document (IAM policy, provider `defaultTags`) that may be
 * given as a string or an object. Undefined when absent, unknown or
 * unparsable; an object may still hold unknown leaves.
 */
export function parseJsonDocument(v: unknown): Record<string, unknown> | undefined {
  if (stryMutAct_9fa48("2502")) {
    {}
  } else {
    stryCov_9fa48("2502");
    let doc: unknown = v;
    if (stryMutAct_9fa48("2505") ? typeof v !== "string" : stryMutAct_9fa48("2504") ? false : stryMutAct_9fa48("2503") ? true : (stryCov_9fa48("2503", "2504", "2505"), typeof v === (stryMutAct_9fa48("2506") ? "" : (stryCov_9fa48("2506"), "string")))) {
      if (stryMutAct_9fa48("2507")) {
        {}
      } else {
        stryCov_9fa48("2507");
        doc = undefined;
        try {
          if (stryMutAct_9fa48("2508")) {
            {}
          } else {
            stryCov_9fa48("2508");
            doc = JSON.parse(v);
          }
        } catch {
          // not JSON (the unknown sentinel neither)
        }
      }
    }
    return isObject(doc) ? doc : undefined;
  }
}

/** `x` as an array: a single value becomes a one-element list. */
export function asArray(v: unknown): unknown[] {
  if (stryMutAct_9fa48("2509")) {
    {}
  } else {
    stryCov_9fa48("2509");
    if (stryMutAct_9fa48("2512") ? v === undefined && v === null : stryMutAct_9fa48("2511") ? false : stryMutAct_9fa48("2510") ? true : (stryCov_9fa48("2510", "2511", "2512"), (stryMutAct_9fa48("2514") ? v !== undefined : stryMutAct_9fa48("2513") ? false : (stryCov_9fa48("2513", "2514"), v === undefined)) || (stryMutAct_9fa48("2516") ? v !== null : stryMutAct_9fa48("2515") ? false : (stryCov_9fa48("2515", "2516"), v === null)))) {
      if (stryMutAct_9fa48("2517")) {
        {}
      } else {
        stryCov_9fa48("2517");
        return stryMutAct_9fa48("2518") ? ["Stryker was here"] : (stryCov_9fa48("2518"), []);
      }
    }
    return Array.isArray(v) ? v : stryMutAct_9fa48("2519") ? [] : (stryCov_9fa48("2519"), [v]);
  }
}