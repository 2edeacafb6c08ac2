// @ts-nocheck
// 
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
export const UNKNOWN_STRING = stryMutAct_9fa48("2454") ? "" : (stryCov_9fa48("2454"), "04da6b54-80e4-46f7-96ec-b56ff0331ba9");
const UNKNOWN_SENTINELS: ReadonlySet<unknown> = new Set(stryMutAct_9fa48("2455") ? [] : (stryCov_9fa48("2455"), [stryMutAct_9fa48("2456") ? "" : (stryCov_9fa48("2456"), "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7"), // boolean
stryMutAct_9fa48("2457") ? "" : (stryCov_9fa48("2457"), "3eeb2bf0-c639-47a8-9e75-3b44932eb421"),
// number
UNKNOWN_STRING, stryMutAct_9fa48("2458") ? "" : (stryCov_9fa48("2458"), "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2"), // array
stryMutAct_9fa48("2459") ? "" : (stryCov_9fa48("2459"), "030794c1-ac77-496b-92df-f27374a8bd58"), // asset
stryMutAct_9fa48("2460") ? "" : (stryCov_9fa48("2460"), "e48ece36-62e2-4504-bad9-02848725956a"), // archive
stryMutAct_9fa48("2461") ? "" : (stryCov_9fa48("2461"), "dd056dcd-154b-4c76-9bd3-c8f88648b5ff") // object
]));

/** True when `v` is a value the engine could not compute yet. */
export function isUnknown(v: unknown): boolean {
  if (stryMutAct_9fa48("2462")) {
    {}
  } else {
    stryCov_9fa48("2462");
    return stryMutAct_9fa48("2465") ? typeof v === "string" || UNKNOWN_SENTINELS.has(v) : stryMutAct_9fa48("2464") ? false : stryMutAct_9fa48("2463") ? true : (stryCov_9fa48("2463", "2464", "2465"), (stryMutAct_9fa48("2467") ? typeof v !== "string" : stryMutAct_9fa48("2466") ? true : (stryCov_9fa48("2466", "2467"), typeof v === (stryMutAct_9fa48("2468") ? "" : (stryCov_9fa48("2468"), "string")))) && UNKNOWN_SENTINELS.has(v));
  }
}

/** True when `v` is unknown or contains an unknown value anywhere inside. */
export function hasUnknown(v: unknown): boolean {
  if (stryMutAct_9fa48("2469")) {
    {}
  } else {
    stryCov_9fa48("2469");
    if (stryMutAct_9fa48("2471") ? false : stryMutAct_9fa48("2470") ? true : (stryCov_9fa48("2470", "2471"), isUnknown(v))) {
      if (stryMutAct_9fa48("2472")) {
        {}
      } else {
        stryCov_9fa48("2472");
        return stryMutAct_9fa48("2473") ? false : (stryCov_9fa48("2473"), true);
      }
    }
    if (stryMutAct_9fa48("2475") ? false : stryMutAct_9fa48("2474") ? true : (stryCov_9fa48("2474", "2475"), Array.isArray(v))) {
      if (stryMutAct_9fa48("2476")) {
        {}
      } else {
        stryCov_9fa48("2476");
        return stryMutAct_9fa48("2477") ? v.every(hasUnknown) : (stryCov_9fa48("2477"), v.some(hasUnknown));
      }
    }
    if (stryMutAct_9fa48("2480") ? typeof v === "object" || v !== null : stryMutAct_9fa48("2479") ? false : stryMutAct_9fa48("2478") ? true : (stryCov_9fa48("2478", "2479", "2480"), (stryMutAct_9fa48("2482") ? typeof v !== "object" : stryMutAct_9fa48("2481") ? true : (stryCov_9fa48("2481", "2482"), typeof v === (stryMutAct_9fa48("2483") ? "" : (stryCov_9fa48("2483"), "object")))) && (stryMutAct_9fa48("2485") ? v === null : stryMutAct_9fa48("2484") ? true : (stryCov_9fa48("2484", "2485"), v !== null)))) {
      if (stryMutAct_9fa48("2486")) {
        {}
      } else {
        stryCov_9fa48("2486");
        return stryMutAct_9fa48("2487") ? Object.values(v).every(hasUnknown) : (stryCov_9fa48("2487"), Object.values(v).some(hasUnknown));
      }
    }
    return stryMutAct_9fa48("2488") ? true : (stryCov_9fa48("2488"), false);
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
  if (stryMutAct_9fa48("2489")) {
    {}
  } else {
    stryCov_9fa48("2489");
    return copy(value) as T;
  }
}
function copy(value: unknown): unknown {
  if (stryMutAct_9fa48("2490")) {
    {}
  } else {
    stryCov_9fa48("2490");
    if (stryMutAct_9fa48("2493") ? typeof value !== "object" && value === null : stryMutAct_9fa48("2492") ? false : stryMutAct_9fa48("2491") ? true : (stryCov_9fa48("2491", "2492", "2493"), (stryMutAct_9fa48("2495") ? typeof value === "object" : stryMutAct_9fa48("2494") ? false : (stryCov_9fa48("2494", "2495"), typeof value !== (stryMutAct_9fa48("2496") ? "" : (stryCov_9fa48("2496"), "object")))) || (stryMutAct_9fa48("2498") ? value !== null : stryMutAct_9fa48("2497") ? false : (stryCov_9fa48("2497", "2498"), value === null)))) {
      if (stryMutAct_9fa48("2499")) {
        {}
      } else {
        stryCov_9fa48("2499");
        return value;
      }
    }
    const isArray = Array.isArray(value);
    const out: Record<string, unknown> | unknown[] = isArray ? stryMutAct_9fa48("2500") ? ["Stryker was here"] : (stryCov_9fa48("2500"), []) : {};
    for (const key of Object.keys(value)) {
      if (stryMutAct_9fa48("2501")) {
        {}
      } else {
        stryCov_9fa48("2501");
        // A proxy without a getOwnPropertyDescriptor trap forwards to its
        // target: this reads the raw value without the proxy's `get` check.
        const descriptor = Object.getOwnPropertyDescriptor(value, key);
        if (stryMutAct_9fa48("2504") ? descriptor || "value" in descriptor : stryMutAct_9fa48("2503") ? false : stryMutAct_9fa48("2502") ? true : (stryCov_9fa48("2502", "2503", "2504"), descriptor && (stryMutAct_9fa48("2505") ? "" : (stryCov_9fa48("2505"), "value")) in descriptor)) {
          if (stryMutAct_9fa48("2506")) {
            {}
          } else {
            stryCov_9fa48("2506");
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
  if (stryMutAct_9fa48("2507")) {
    {}
  } else {
    stryCov_9fa48("2507");
    return hasUnknown(v) ? undefined : predicate(v);
  }
}

/** Kleene AND: false wins, then unknown. */
export function all(values: Iterable<Tri>): Tri {
  if (stryMutAct_9fa48("2508")) {
    {}
  } else {
    stryCov_9fa48("2508");
    let result: Tri = stryMutAct_9fa48("2509") ? false : (stryCov_9fa48("2509"), true);
    for (const v of values) {
      if (stryMutAct_9fa48("2510")) {
        {}
      } else {
        stryCov_9fa48("2510");
        if (stryMutAct_9fa48("2513") ? v !== false : stryMutAct_9fa48("2512") ? false : stryMutAct_9fa48("2511") ? true : (stryCov_9fa48("2511", "2512", "2513"), v === (stryMutAct_9fa48("2514") ? true : (stryCov_9fa48("2514"), false)))) {
          if (stryMutAct_9fa48("2515")) {
            {}
          } else {
            stryCov_9fa48("2515");
            return stryMutAct_9fa48("2516") ? true : (stryCov_9fa48("2516"), false);
          }
        }
        if (stryMutAct_9fa48("2519") ? v !== undefined : stryMutAct_9fa48("2518") ? false : stryMutAct_9fa48("2517") ? true : (stryCov_9fa48("2517", "2518", "2519"), v === undefined)) {
          if (stryMutAct_9fa48("2520")) {
            {}
          } else {
            stryCov_9fa48("2520");
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
  if (stryMutAct_9fa48("2521")) {
    {}
  } else {
    stryCov_9fa48("2521");
    let result: Tri = stryMutAct_9fa48("2522") ? true : (stryCov_9fa48("2522"), false);
    for (const v of values) {
      if (stryMutAct_9fa48("2523")) {
        {}
      } else {
        stryCov_9fa48("2523");
        if (stryMutAct_9fa48("2526") ? v !== true : stryMutAct_9fa48("2525") ? false : stryMutAct_9fa48("2524") ? true : (stryCov_9fa48("2524", "2525", "2526"), v === (stryMutAct_9fa48("2527") ? false : (stryCov_9fa48("2527"), true)))) {
          if (stryMutAct_9fa48("2528")) {
            {}
          } else {
            stryCov_9fa48("2528");
            return stryMutAct_9fa48("2529") ? false : (stryCov_9fa48("2529"), true);
          }
        }
        if (stryMutAct_9fa48("2532") ? v !== undefined : stryMutAct_9fa48("2531") ? false : stryMutAct_9fa48("2530") ? true : (stryCov_9fa48("2530", "2531", "2532"), v === undefined)) {
          if (stryMutAct_9fa48("2533")) {
            {}
          } else {
            stryCov_9fa48("2533");
            result = undefined;
          }
        }
      }
    }
    return result;
  }
}
export function not(v: Tri): Tri {
  if (stryMutAct_9fa48("2534")) {
    {}
  } else {
    stryCov_9fa48("2534");
    return (stryMutAct_9fa48("2537") ? v !== undefined : stryMutAct_9fa48("2536") ? false : stryMutAct_9fa48("2535") ? true : (stryCov_9fa48("2535", "2536", "2537"), v === undefined)) ? undefined : stryMutAct_9fa48("2538") ? v : (stryCov_9fa48("2538"), !v);
  }
}

/** A known object or array: not absent, not null, not an unknown sentinel (a string). */
export function isObject(v: unknown): v is Record<string, unknown> {
  if (stryMutAct_9fa48("2539")) {
    {}
  } else {
    stryCov_9fa48("2539");
    return stryMutAct_9fa48("2542") ? typeof v === "object" || v !== null : stryMutAct_9fa48("2541") ? false : stryMutAct_9fa48("2540") ? true : (stryCov_9fa48("2540", "2541", "2542"), (stryMutAct_9fa48("2544") ? typeof v !== "object" : stryMutAct_9fa48("2543") ? true : (stryCov_9fa48("2543", "2544"), typeof v === (stryMutAct_9fa48("2545") ? "" : (stryCov_9fa48("2545"), "object")))) && (stryMutAct_9fa48("2547") ? v === null : stryMutAct_9fa48("2546") ? true : (stryCov_9fa48("2546", "2547"), v !== null)));
  }
}

/** A known, non-empty string, or undefined (absent, empty or unknown). */
export function knownString(v: unknown): string | undefined {
  if (stryMutAct_9fa48("2548")) {
    {}
  } else {
    stryCov_9fa48("2548");
    return (stryMutAct_9fa48("2551") ? typeof v === "string" && v !== "" || !isUnknown(v) : stryMutAct_9fa48("2550") ? false : stryMutAct_9fa48("2549") ? true : (stryCov_9fa48("2549", "2550", "2551"), (stryMutAct_9fa48("2553") ? typeof v === "string" || v !== "" : stryMutAct_9fa48("2552") ? true : (stryCov_9fa48("2552", "2553"), (stryMutAct_9fa48("2555") ? typeof v !== "string" : stryMutAct_9fa48("2554") ? true : (stryCov_9fa48("2554", "2555"), typeof v === (stryMutAct_9fa48("2556") ? "" : (stryCov_9fa48("2556"), "string")))) && (stryMutAct_9fa48("2558") ? v === "" : stryMutAct_9fa48("2557") ? true : (stryCov_9fa48("2557", "2558"), v !== (stryMutAct_9fa48("2559") ? "Stryker was here!" : (stryCov_9fa48("2559"), "")))))) && (stryMutAct_9fa48("2560") ? isUnknown(v) : (stryCov_9fa48("2560"), !isUnknown(v))))) ? v : undefined;
  }
}

/** Array elements of a possibly absent list (an unknown list gives `undefined`). */
export function listOf<T>(v: T[] | undefined | null): T[] | undefined {
  if (stryMutAct_9fa48("2561")) {
    {}
  } else {
    stryCov_9fa48("2561");
    if (stryMutAct_9fa48("2564") ? v === undefined && v === null : stryMutAct_9fa48("2563") ? false : stryMutAct_9fa48("2562") ? true : (stryCov_9fa48("2562", "2563", "2564"), (stryMutAct_9fa48("2566") ? v !== undefined : stryMutAct_9fa48("2565") ? false : (stryCov_9fa48("2565", "2566"), v === undefined)) || (stryMutAct_9fa48("2568") ? v !== null : stryMutAct_9fa48("2567") ? false : (stryCov_9fa48("2567", "2568"), v === null)))) {
      if (stryMutAct_9fa48("2569")) {
        {}
      } else {
        stryCov_9fa48("2569");
        return stryMutAct_9fa48("2570") ? ["Stryker was here"] : (stryCov_9fa48("2570"), []);
      }
    }
    if (stryMutAct_9fa48("2573") ? isUnknown(v) && !Array.isArray(v) : stryMutAct_9fa48("2572") ? false : stryMutAct_9fa48("2571") ? true : (stryCov_9fa48("2571", "2572", "2573"), isUnknown(v) || (stryMutAct_9fa48("2574") ? Array.isArray(v) : (stryCov_9fa48("2574"), !Array.isArray(v))))) {
      if (stryMutAct_9fa48("2575")) {
        {}
      } else {
        stryCov_9fa48("2575");
        return undefined;
      }
    }
    return v;
  }
}

/**
 * Parses a JSON document (IAM policy, provider `defaultTags`) that may be
 * given as a string or an object. Undefined when absent, unknown or
 * unparsable; an object may still hold unknown leaves.
 */
export function parseJsonDocument(v: unknown): Record<string, unknown> | undefined {
  if (stryMutAct_9fa48("2576")) {
    {}
  } else {
    stryCov_9fa48("2576");
    if (stryMutAct_9fa48("2579") ? (v === undefined || v === null) && isUnknown(v) : stryMutAct_9fa48("2578") ? false : stryMutAct_9fa48("2577") ? true : (stryCov_9fa48("2577", "2578", "2579"), (stryMutAct_9fa48("2581") ? v === undefined && v === null : stryMutAct_9fa48("2580") ? false : (stryCov_9fa48("2580", "2581"), (stryMutAct_9fa48("2583") ? v !== undefined : stryMutAct_9fa48("2582") ? false : (stryCov_9fa48("2582", "2583"), v === undefined)) || (stryMutAct_9fa48("2585") ? v !== null : stryMutAct_9fa48("2584") ? false : (stryCov_9fa48("2584", "2585"), v === null)))) || isUnknown(v))) {
      if (stryMutAct_9fa48("2586")) {
        {}
      } else {
        stryCov_9fa48("2586");
        return undefined;
      }
    }
    if (stryMutAct_9fa48("2589") ? typeof v !== "string" : stryMutAct_9fa48("2588") ? false : stryMutAct_9fa48("2587") ? true : (stryCov_9fa48("2587", "2588", "2589"), typeof v === (stryMutAct_9fa48("2590") ? "" : (stryCov_9fa48("2590"), "string")))) {
      if (stryMutAct_9fa48("2591")) {
        {}
      } else {
        stryCov_9fa48("2591");
        try {
          if (stryMutAct_9fa48("2592")) {
            {}
          } else {
            stryCov_9fa48("2592");
            const parsed: unknown = JSON.parse(v);
            return (stryMutAct_9fa48("2595") ? typeof parsed === "object" || parsed !== null : stryMutAct_9fa48("2594") ? false : stryMutAct_9fa48("2593") ? true : (stryCov_9fa48("2593", "2594", "2595"), (stryMutAct_9fa48("2597") ? typeof parsed !== "object" : stryMutAct_9fa48("2596") ? true : (stryCov_9fa48("2596", "2597"), typeof parsed === (stryMutAct_9fa48("2598") ? "" : (stryCov_9fa48("2598"), "object")))) && (stryMutAct_9fa48("2600") ? parsed === null : stryMutAct_9fa48("2599") ? true : (stryCov_9fa48("2599", "2600"), parsed !== null)))) ? parsed as Record<string, unknown> : undefined;
          }
        } catch {
          if (stryMutAct_9fa48("2601")) {
            {}
          } else {
            stryCov_9fa48("2601");
            return undefined;
          }
        }
      }
    }
    return (stryMutAct_9fa48("2604") ? typeof v !== "object" : stryMutAct_9fa48("2603") ? false : stryMutAct_9fa48("2602") ? true : (stryCov_9fa48("2602", "2603", "2604"), typeof v === (stryMutAct_9fa48("2605") ? "" : (stryCov_9fa48("2605"), "object")))) ? v as Record<string, unknown> : undefined;
  }
}

/** `x` as an array: a single value becomes a one-element list. */
export function asArray(v: unknown): unknown[] {
  if (stryMutAct_9fa48("2606")) {
    {}
  } else {
    stryCov_9fa48("2606");
    if (stryMutAct_9fa48("2609") ? v === undefined && v === null : stryMutAct_9fa48("2608") ? false : stryMutAct_9fa48("2607") ? true : (stryCov_9fa48("2607", "2608", "2609"), (stryMutAct_9fa48("2611") ? v !== undefined : stryMutAct_9fa48("2610") ? false : (stryCov_9fa48("2610", "2611"), v === undefined)) || (stryMutAct_9fa48("2613") ? v !== null : stryMutAct_9fa48("2612") ? false : (stryCov_9fa48("2612", "2613"), v === null)))) {
      if (stryMutAct_9fa48("2614")) {
        {}
      } else {
        stryCov_9fa48("2614");
        return stryMutAct_9fa48("2615") ? ["Stryker was here"] : (stryCov_9fa48("2615"), []);
      }
    }
    return Array.isArray(v) ? v : stryMutAct_9fa48("2616") ? [] : (stryCov_9fa48("2616"), [v]);
  }
}