// @ts-nocheck
// 
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
  if (stryMutAct_9fa48("2305")) {
    {}
  } else {
    stryCov_9fa48("2305");
    let p = plainCache.get(r);
    if (stryMutAct_9fa48("2308") ? false : stryMutAct_9fa48("2307") ? true : stryMutAct_9fa48("2306") ? p : (stryCov_9fa48("2306", "2307", "2308"), !p)) {
      if (stryMutAct_9fa48("2309")) {
        {}
      } else {
        stryCov_9fa48("2309");
        p = plain(r.props);
        if (stryMutAct_9fa48("2310")) {
          ;
        } else {
          stryCov_9fa48("2310");
          plainCache.set(r, p);
        }
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
  if (stryMutAct_9fa48("2311")) {
    {}
  } else {
    stryCov_9fa48("2311");
    const own = knownString(propsOf(r).region);
    if (stryMutAct_9fa48("2313") ? false : stryMutAct_9fa48("2312") ? true : (stryCov_9fa48("2312", "2313"), own)) {
      if (stryMutAct_9fa48("2314")) {
        {}
      } else {
        stryCov_9fa48("2314");
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
  if (stryMutAct_9fa48("2315")) {
    {}
  } else {
    stryCov_9fa48("2315");
    const values: Record<string, string> = {};
    let complete = stryMutAct_9fa48("2316") ? false : (stryCov_9fa48("2316"), true);
    const merge = (source: unknown) => {
      if (stryMutAct_9fa48("2317")) {
        {}
      } else {
        stryCov_9fa48("2317");
        if (stryMutAct_9fa48("2320") ? source === undefined && source === null : stryMutAct_9fa48("2319") ? false : stryMutAct_9fa48("2318") ? true : (stryCov_9fa48("2318", "2319", "2320"), (stryMutAct_9fa48("2322") ? source !== undefined : stryMutAct_9fa48("2321") ? false : (stryCov_9fa48("2321", "2322"), source === undefined)) || (stryMutAct_9fa48("2324") ? source !== null : stryMutAct_9fa48("2323") ? false : (stryCov_9fa48("2323", "2324"), source === null)))) {
          if (stryMutAct_9fa48("2325")) {
            {}
          } else {
            stryCov_9fa48("2325");
            return;
          }
        }
        if (stryMutAct_9fa48("2328") ? isUnknown(source) && typeof source !== "object" : stryMutAct_9fa48("2327") ? false : stryMutAct_9fa48("2326") ? true : (stryCov_9fa48("2326", "2327", "2328"), isUnknown(source) || (stryMutAct_9fa48("2330") ? typeof source === "object" : stryMutAct_9fa48("2329") ? false : (stryCov_9fa48("2329", "2330"), typeof source !== (stryMutAct_9fa48("2331") ? "" : (stryCov_9fa48("2331"), "object")))))) {
          if (stryMutAct_9fa48("2332")) {
            {}
          } else {
            stryCov_9fa48("2332");
            complete = stryMutAct_9fa48("2333") ? true : (stryCov_9fa48("2333"), false);
            return;
          }
        }
        for (const [k, v] of Object.entries(source as Record<string, unknown>)) {
          if (stryMutAct_9fa48("2334")) {
            {}
          } else {
            stryCov_9fa48("2334");
            if (stryMutAct_9fa48("2337") ? typeof v === "string" || !isUnknown(v) : stryMutAct_9fa48("2336") ? false : stryMutAct_9fa48("2335") ? true : (stryCov_9fa48("2335", "2336", "2337"), (stryMutAct_9fa48("2339") ? typeof v !== "string" : stryMutAct_9fa48("2338") ? true : (stryCov_9fa48("2338", "2339"), typeof v === (stryMutAct_9fa48("2340") ? "" : (stryCov_9fa48("2340"), "string")))) && (stryMutAct_9fa48("2341") ? isUnknown(v) : (stryCov_9fa48("2341"), !isUnknown(v))))) {
              if (stryMutAct_9fa48("2342")) {
                {}
              } else {
                stryCov_9fa48("2342");
                values[k] = v;
              }
            } else {
              if (stryMutAct_9fa48("2343")) {
                {}
              } else {
                stryCov_9fa48("2343");
                complete = stryMutAct_9fa48("2344") ? true : (stryCov_9fa48("2344"), false);
              }
            }
          }
        }
      }
    };
    if (stryMutAct_9fa48("2346") ? false : stryMutAct_9fa48("2345") ? true : (stryCov_9fa48("2345", "2346"), r.provider)) {
      if (stryMutAct_9fa48("2347")) {
        {}
      } else {
        stryCov_9fa48("2347");
        const providerProps = plain(r.provider.props);
        if (stryMutAct_9fa48("2350") ? providerProps.defaultTags === undefined : stryMutAct_9fa48("2349") ? false : stryMutAct_9fa48("2348") ? true : (stryCov_9fa48("2348", "2349", "2350"), providerProps.defaultTags !== undefined)) {
          if (stryMutAct_9fa48("2351")) {
            {}
          } else {
            stryCov_9fa48("2351");
            const doc = parseJsonDocument(providerProps.defaultTags);
            if (stryMutAct_9fa48("2354") ? doc !== undefined : stryMutAct_9fa48("2353") ? false : stryMutAct_9fa48("2352") ? true : (stryCov_9fa48("2352", "2353", "2354"), doc === undefined)) {
              if (stryMutAct_9fa48("2355")) {
                {}
              } else {
                stryCov_9fa48("2355");
                complete = stryMutAct_9fa48("2356") ? true : (stryCov_9fa48("2356"), false);
              }
            } else {
              if (stryMutAct_9fa48("2357")) {
                {}
              } else {
                stryCov_9fa48("2357");
                if (stryMutAct_9fa48("2358")) {
                  ;
                } else {
                  stryCov_9fa48("2358");
                  merge(doc.tags);
                }
              }
            }
          }
        }
      }
    }
    const p = propsOf(r);
    if (stryMutAct_9fa48("2359")) {
      ;
    } else {
      stryCov_9fa48("2359");
      merge(p.tagsAll);
    }
    if (stryMutAct_9fa48("2360")) {
      ;
    } else {
      stryCov_9fa48("2360");
      merge(p.tags);
    }
    return stryMutAct_9fa48("2361") ? {} : (stryCov_9fa48("2361"), {
      values,
      complete
    });
  }
}

/** The value of tag `key`: a string, null (certainly absent) or undefined (cannot tell). */
export function tagValue(r: HasProps, key: string): string | null | undefined {
  if (stryMutAct_9fa48("2362")) {
    {}
  } else {
    stryCov_9fa48("2362");
    const t = tagsOf(r);
    if (stryMutAct_9fa48("2364") ? false : stryMutAct_9fa48("2363") ? true : (stryCov_9fa48("2363", "2364"), key in t.values)) {
      if (stryMutAct_9fa48("2365")) {
        {}
      } else {
        stryCov_9fa48("2365");
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
  if (stryMutAct_9fa48("2366")) {
    {}
  } else {
    stryCov_9fa48("2366");
    const deps = stryMutAct_9fa48("2367") ? from.propertyDependencies[prop] && [] : (stryCov_9fa48("2367"), from.propertyDependencies[prop] ?? (stryMutAct_9fa48("2368") ? ["Stryker was here"] : (stryCov_9fa48("2368"), [])));
    if (stryMutAct_9fa48("2371") ? deps.every(d => d.urn === to.urn) : stryMutAct_9fa48("2370") ? false : stryMutAct_9fa48("2369") ? true : (stryCov_9fa48("2369", "2370", "2371"), deps.some(stryMutAct_9fa48("2372") ? () => undefined : (stryCov_9fa48("2372"), d => stryMutAct_9fa48("2375") ? d.urn !== to.urn : stryMutAct_9fa48("2374") ? false : stryMutAct_9fa48("2373") ? true : (stryCov_9fa48("2373", "2374", "2375"), d.urn === to.urn))))) {
      if (stryMutAct_9fa48("2376")) {
        {}
      } else {
        stryCov_9fa48("2376");
        return stryMutAct_9fa48("2377") ? false : (stryCov_9fa48("2377"), true);
      }
    }
    const value = propsOf(from)[prop];
    return matchesIdentity(value, identities, stryMutAct_9fa48("2381") ? deps.length <= 0 : stryMutAct_9fa48("2380") ? deps.length >= 0 : stryMutAct_9fa48("2379") ? false : stryMutAct_9fa48("2378") ? true : (stryCov_9fa48("2378", "2379", "2380", "2381"), deps.length > 0));
  }
}

/**
 * Compares a reference value with a resource's identities. `hasOtherDeps`:
 * the property depends on other resources, so an unknown value comes from
 * them and does not refer to this one.
 */
export function matchesIdentity(value: unknown, identities: unknown[], hasOtherDeps: boolean): Tri {
  if (stryMutAct_9fa48("2382")) {
    {}
  } else {
    stryCov_9fa48("2382");
    if (stryMutAct_9fa48("2385") ? value === undefined && value === null : stryMutAct_9fa48("2384") ? false : stryMutAct_9fa48("2383") ? true : (stryCov_9fa48("2383", "2384", "2385"), (stryMutAct_9fa48("2387") ? value !== undefined : stryMutAct_9fa48("2386") ? false : (stryCov_9fa48("2386", "2387"), value === undefined)) || (stryMutAct_9fa48("2389") ? value !== null : stryMutAct_9fa48("2388") ? false : (stryCov_9fa48("2388", "2389"), value === null)))) {
      if (stryMutAct_9fa48("2390")) {
        {}
      } else {
        stryCov_9fa48("2390");
        return stryMutAct_9fa48("2391") ? true : (stryCov_9fa48("2391"), false);
      }
    }
    if (stryMutAct_9fa48("2393") ? false : stryMutAct_9fa48("2392") ? true : (stryCov_9fa48("2392", "2393"), isUnknown(value))) {
      if (stryMutAct_9fa48("2394")) {
        {}
      } else {
        stryCov_9fa48("2394");
        return hasOtherDeps ? stryMutAct_9fa48("2395") ? true : (stryCov_9fa48("2395"), false) : undefined;
      }
    }
    const known = stryMutAct_9fa48("2396") ? identities.map(knownString) : (stryCov_9fa48("2396"), identities.map(knownString).filter(stryMutAct_9fa48("2397") ? () => undefined : (stryCov_9fa48("2397"), (s): s is string => stryMutAct_9fa48("2400") ? s === undefined : stryMutAct_9fa48("2399") ? false : stryMutAct_9fa48("2398") ? true : (stryCov_9fa48("2398", "2399", "2400"), s !== undefined))));
    if (stryMutAct_9fa48("2403") ? typeof value === "string" || known.includes(value) : stryMutAct_9fa48("2402") ? false : stryMutAct_9fa48("2401") ? true : (stryCov_9fa48("2401", "2402", "2403"), (stryMutAct_9fa48("2405") ? typeof value !== "string" : stryMutAct_9fa48("2404") ? true : (stryCov_9fa48("2404", "2405"), typeof value === (stryMutAct_9fa48("2406") ? "" : (stryCov_9fa48("2406"), "string")))) && known.includes(value))) {
      if (stryMutAct_9fa48("2407")) {
        {}
      } else {
        stryCov_9fa48("2407");
        return stryMutAct_9fa48("2408") ? false : (stryCov_9fa48("2408"), true);
      }
    }
    // Nothing to compare with yet (every identity of the target is unknown).
    return (stryMutAct_9fa48("2411") ? known.length !== 0 : stryMutAct_9fa48("2410") ? false : stryMutAct_9fa48("2409") ? true : (stryCov_9fa48("2409", "2410", "2411"), known.length === 0)) ? undefined : stryMutAct_9fa48("2412") ? true : (stryCov_9fa48("2412"), false);
  }
}

/** Names and ARNs an S3 bucket is referred to by (`bucket` name, `id`, `arn`). */
export function bucketIdentities(bucket: PolicyResource): unknown[] {
  if (stryMutAct_9fa48("2413")) {
    {}
  } else {
    stryCov_9fa48("2413");
    const p = propsOf(bucket);
    const name = knownString(p.bucket);
    return stryMutAct_9fa48("2414") ? [] : (stryCov_9fa48("2414"), [p.bucket, p.id, p.arn, name ? stryMutAct_9fa48("2415") ? `` : (stryCov_9fa48("2415"), `arn:aws:s3:::${name}`) : undefined]);
  }
}

/** The other resources of the stack of given types. */
export function ofTypes(resources: PolicyResource[], types: string[]): PolicyResource[] {
  if (stryMutAct_9fa48("2416")) {
    {}
  } else {
    stryCov_9fa48("2416");
    return stryMutAct_9fa48("2417") ? resources : (stryCov_9fa48("2417"), resources.filter(stryMutAct_9fa48("2418") ? () => undefined : (stryCov_9fa48("2418"), r => types.includes(r.type))));
  }
}