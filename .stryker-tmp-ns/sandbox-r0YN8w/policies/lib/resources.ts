// @ts-nocheck
// Helpers for stack policies: how resources refer to each other, and the
// region and tags a resource ends up with.
function stryNS_9fa48() {
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
import { PolicyProviderResource, PolicyResource } from "@pulumi/policy";
import { isUnknown, knownString, parseJsonDocument, plain, Tri } from "./values";

/** Anything with properties and a provider: a stack resource or a resource validation's args. */
export interface HasProps {
  props: Record<string, unknown>;
  provider?: PolicyProviderResource;
}
const plainCache = new WeakMap<object, Record<string, unknown>>();

/** Plain (proxy-free) properties of a resource; see values.ts. */
export function propsOf(r: HasProps): Record<string, unknown> {
  if (stryMutAct_9fa48("2263")) {
    {}
  } else {
    stryCov_9fa48("2263");
    let p = plainCache.get(r);
    // Stryker disable next-line ConditionalExpression,CallExpression: a cache; without it each read copies the properties again
    if (stryMutAct_9fa48("2264") ? p : (stryCov_9fa48("2264"), !p)) {
      if (stryMutAct_9fa48("2267")) {
        {}
      } else {
        stryCov_9fa48("2267");
        p = plain(r.props);
        // Stryker disable next-line CallExpression: a cache (see above)
        plainCache.set(r, p);
      }
    }
    return p;
  }
}

/**
 * The AWS region a resource lives in: its `region` argument (every aws v7
 * resource takes one) or else its provider's region. Undefined when unknown.
 */
export function regionOf(r: HasProps): string | undefined {
  if (stryMutAct_9fa48("2269")) {
    {}
  } else {
    stryCov_9fa48("2269");
    const own = knownString(propsOf(r).region);
    if (stryMutAct_9fa48("2271") ? false : stryMutAct_9fa48("2270") ? true : (stryCov_9fa48("2270", "2271"), own)) {
      if (stryMutAct_9fa48("2272")) {
        {}
      } else {
        stryCov_9fa48("2272");
        return own;
      }
    }
    return r.provider ? knownString(plain(r.provider.props).region) : undefined;
  }
}

/** A resource's effective tags; `complete` is false when some source is unknown. */
export interface Tags {
  values: Record<string, string>;
  complete: boolean;
}

/**
 * The tags a resource carries: the provider's `defaultTags` (a JSON string
 * in provider inputs), then `tagsAll` (provider-computed), then `tags`.
 */
export function tagsOf(r: HasProps): Tags {
  if (stryMutAct_9fa48("2273")) {
    {}
  } else {
    stryCov_9fa48("2273");
    const values: Record<string, string> = {};
    let complete = stryMutAct_9fa48("2274") ? false : (stryCov_9fa48("2274"), true);
    const merge = (source: unknown) => {
      if (stryMutAct_9fa48("2275")) {
        {}
      } else {
        stryCov_9fa48("2275");
        if (stryMutAct_9fa48("2278") ? source === undefined && source === null : stryMutAct_9fa48("2277") ? false : stryMutAct_9fa48("2276") ? true : (stryCov_9fa48("2276", "2277", "2278"), (stryMutAct_9fa48("2280") ? source !== undefined : stryMutAct_9fa48("2279") ? false : (stryCov_9fa48("2279", "2280"), source === undefined)) || (stryMutAct_9fa48("2282") ? source !== null : stryMutAct_9fa48("2281") ? false : (stryCov_9fa48("2281", "2282"), source === null)))) {
          if (stryMutAct_9fa48("2283")) {
            {}
          } else {
            stryCov_9fa48("2283");
            return;
          }
        }
        // Stryker disable next-line ConditionalExpression,LogicalOperator: the provider's schema gives a map; only the unknown sentinel is a string
        if (isUnknown(source) || (stryMutAct_9fa48("2288") ? typeof source === "object" : (stryCov_9fa48("2288"), typeof source !== (stryMutAct_9fa48("2289") ? "" : (stryCov_9fa48("2289"), "object"))))) {
          if (stryMutAct_9fa48("2290")) {
            {}
          } else {
            stryCov_9fa48("2290");
            complete = stryMutAct_9fa48("2291") ? true : (stryCov_9fa48("2291"), false);
            return;
          }
        }
        for (const [k, v] of Object.entries(source as Record<string, unknown>)) {
          if (stryMutAct_9fa48("2292")) {
            {}
          } else {
            stryCov_9fa48("2292");
            // Stryker disable next-line ConditionalExpression: the provider's schema gives string tag values
            if (stryMutAct_9fa48("2295") ? typeof v === "string" || !isUnknown(v) : (stryCov_9fa48("2295"), (stryMutAct_9fa48("2297") ? typeof v !== "string" : (stryCov_9fa48("2297"), typeof v === (stryMutAct_9fa48("2298") ? "" : (stryCov_9fa48("2298"), "string")))) && (stryMutAct_9fa48("2299") ? isUnknown(v) : (stryCov_9fa48("2299"), !isUnknown(v))))) {
              if (stryMutAct_9fa48("2300")) {
                {}
              } else {
                stryCov_9fa48("2300");
                values[k] = v;
              }
            } else {
              if (stryMutAct_9fa48("2301")) {
                {}
              } else {
                stryCov_9fa48("2301");
                complete = stryMutAct_9fa48("2302") ? true : (stryCov_9fa48("2302"), false);
              }
            }
          }
        }
      }
    };
    if (stryMutAct_9fa48("2304") ? false : stryMutAct_9fa48("2303") ? true : (stryCov_9fa48("2303", "2304"), r.provider)) {
      if (stryMutAct_9fa48("2305")) {
        {}
      } else {
        stryCov_9fa48("2305");
        const providerProps = plain(r.provider.props);
        if (stryMutAct_9fa48("2308") ? providerProps.defaultTags === undefined : stryMutAct_9fa48("2307") ? false : stryMutAct_9fa48("2306") ? true : (stryCov_9fa48("2306", "2307", "2308"), providerProps.defaultTags !== undefined)) {
          if (stryMutAct_9fa48("2309")) {
            {}
          } else {
            stryCov_9fa48("2309");
            const doc = parseJsonDocument(providerProps.defaultTags);
            if (stryMutAct_9fa48("2312") ? doc !== undefined : stryMutAct_9fa48("2311") ? false : stryMutAct_9fa48("2310") ? true : (stryCov_9fa48("2310", "2311", "2312"), doc === undefined)) {
              if (stryMutAct_9fa48("2313")) {
                {}
              } else {
                stryCov_9fa48("2313");
                complete = stryMutAct_9fa48("2314") ? true : (stryCov_9fa48("2314"), false);
              }
            } else {
              if (stryMutAct_9fa48("2315")) {
                {}
              } else {
                stryCov_9fa48("2315");
                if (stryMutAct_9fa48("2316")) {
                  ;
                } else {
                  stryCov_9fa48("2316");
                  merge(doc.tags);
                }
              }
            }
          }
        }
      }
    }
    const p = propsOf(r);
    if (stryMutAct_9fa48("2317")) {
      ;
    } else {
      stryCov_9fa48("2317");
      merge(p.tagsAll);
    }
    if (stryMutAct_9fa48("2318")) {
      ;
    } else {
      stryCov_9fa48("2318");
      merge(p.tags);
    }
    return stryMutAct_9fa48("2319") ? {} : (stryCov_9fa48("2319"), {
      values,
      complete
    });
  }
}

/** The value of tag `key`: a string, null (certainly absent) or undefined (cannot tell). */
export function tagValue(r: HasProps, key: string): string | null | undefined {
  if (stryMutAct_9fa48("2320")) {
    {}
  } else {
    stryCov_9fa48("2320");
    const t = tagsOf(r);
    if (stryMutAct_9fa48("2322") ? false : stryMutAct_9fa48("2321") ? true : (stryCov_9fa48("2321", "2322"), key in t.values)) {
      if (stryMutAct_9fa48("2323")) {
        {}
      } else {
        stryCov_9fa48("2323");
        return t.values[key];
      }
    }
    return t.complete ? null : undefined;
  }
}

/**
 * Whether `from.props[prop]` refers to `to`. True when the engine recorded
 * that property as depending on `to` (how a reference to a resource still to
 * be created shows at preview), or when its known value equals one of
 * `identities` (names or ARNs `to` is known by); false when known and
 * different; undefined when the value is unknown and no dependency tells.
 */
export function refersTo(from: PolicyResource, prop: string, to: PolicyResource, identities: unknown[]): Tri {
  if (stryMutAct_9fa48("2324")) {
    {}
  } else {
    stryCov_9fa48("2324");
    const deps = stryMutAct_9fa48("2325") ? from.propertyDependencies[prop] && [] : (stryCov_9fa48("2325"), from.propertyDependencies[prop] ?? (stryMutAct_9fa48("2326") ? ["Stryker was here"] : (stryCov_9fa48("2326"), [])));
    if (stryMutAct_9fa48("2329") ? deps.every(d => d.urn === to.urn) : stryMutAct_9fa48("2328") ? false : stryMutAct_9fa48("2327") ? true : (stryCov_9fa48("2327", "2328", "2329"), deps.some(stryMutAct_9fa48("2330") ? () => undefined : (stryCov_9fa48("2330"), d => stryMutAct_9fa48("2333") ? d.urn !== to.urn : stryMutAct_9fa48("2332") ? false : stryMutAct_9fa48("2331") ? true : (stryCov_9fa48("2331", "2332", "2333"), d.urn === to.urn))))) {
      if (stryMutAct_9fa48("2334")) {
        {}
      } else {
        stryCov_9fa48("2334");
        return stryMutAct_9fa48("2335") ? false : (stryCov_9fa48("2335"), true);
      }
    }
    const value = propsOf(from)[prop];
    return matchesIdentity(value, identities, stryMutAct_9fa48("2339") ? deps.length <= 0 : stryMutAct_9fa48("2338") ? deps.length >= 0 : stryMutAct_9fa48("2337") ? false : stryMutAct_9fa48("2336") ? true : (stryCov_9fa48("2336", "2337", "2338", "2339"), deps.length > 0));
  }
}

/**
 * Compares a reference value with a resource's identities. `hasOtherDeps`:
 * the property depends on other resources, so an unknown value comes from
 * them and does not refer to this one.
 */
export function matchesIdentity(value: unknown, identities: unknown[], hasOtherDeps: boolean): Tri {
  if (stryMutAct_9fa48("2340")) {
    {}
  } else {
    stryCov_9fa48("2340");
    if (stryMutAct_9fa48("2343") ? value === undefined && value === null : stryMutAct_9fa48("2342") ? false : stryMutAct_9fa48("2341") ? true : (stryCov_9fa48("2341", "2342", "2343"), (stryMutAct_9fa48("2345") ? value !== undefined : stryMutAct_9fa48("2344") ? false : (stryCov_9fa48("2344", "2345"), value === undefined)) || (stryMutAct_9fa48("2347") ? value !== null : stryMutAct_9fa48("2346") ? false : (stryCov_9fa48("2346", "2347"), value === null)))) {
      if (stryMutAct_9fa48("2348")) {
        {}
      } else {
        stryCov_9fa48("2348");
        return stryMutAct_9fa48("2349") ? true : (stryCov_9fa48("2349"), false);
      }
    }
    if (stryMutAct_9fa48("2351") ? false : stryMutAct_9fa48("2350") ? true : (stryCov_9fa48("2350", "2351"), isUnknown(value))) {
      if (stryMutAct_9fa48("2352")) {
        {}
      } else {
        stryCov_9fa48("2352");
        return hasOtherDeps ? stryMutAct_9fa48("2353") ? true : (stryCov_9fa48("2353"), false) : undefined;
      }
    }
    const known = stryMutAct_9fa48("2354") ? identities.map(knownString) : (stryCov_9fa48("2354"), identities.map(knownString).filter(stryMutAct_9fa48("2355") ? () => undefined : (stryCov_9fa48("2355"), (s): s is string => stryMutAct_9fa48("2358") ? s === undefined : stryMutAct_9fa48("2357") ? false : stryMutAct_9fa48("2356") ? true : (stryCov_9fa48("2356", "2357", "2358"), s !== undefined))));
    if (stryMutAct_9fa48("2360") ? false : stryMutAct_9fa48("2359") ? true : (stryCov_9fa48("2359", "2360"), known.includes(value as string))) {
      if (stryMutAct_9fa48("2361")) {
        {}
      } else {
        stryCov_9fa48("2361");
        return stryMutAct_9fa48("2362") ? false : (stryCov_9fa48("2362"), true);
      }
    }
    // Nothing to compare with yet (every identity of the target is unknown).
    return (stryMutAct_9fa48("2365") ? known.length !== 0 : stryMutAct_9fa48("2364") ? false : stryMutAct_9fa48("2363") ? true : (stryCov_9fa48("2363", "2364", "2365"), known.length === 0)) ? undefined : stryMutAct_9fa48("2366") ? true : (stryCov_9fa48("2366"), false);
  }
}

/** Names and ARNs an S3 bucket is referred to by (`bucket` name, `id`, `arn`). */
export function bucketIdentities(bucket: PolicyResource): unknown[] {
  if (stryMutAct_9fa48("2367")) {
    {}
  } else {
    stryCov_9fa48("2367");
    const p = propsOf(bucket);
    const name = knownString(p.bucket);
    return stryMutAct_9fa48("2368") ? [] : (stryCov_9fa48("2368"), [p.bucket, p.id, p.arn, name ? stryMutAct_9fa48("2369") ? `` : (stryCov_9fa48("2369"), `arn:aws:s3:::${name}`) : undefined]);
  }
}