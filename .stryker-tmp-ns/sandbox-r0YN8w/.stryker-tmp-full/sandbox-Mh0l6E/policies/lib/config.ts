// @ts-nocheck
// 
// Policy configuration with the schema's defaults applied.
//
// The Pulumi CLI reconciles a pack's config before calling Configure: it fills
// every property from the schema's `default` and lays the user's
// `--policy-pack-config` values on top. Hosts that skip that step (an older
// CLI, a bare analyzer client) hand the policy `{}`; merging the defaults here
// keeps the policy's behaviour the same in both cases.
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
import { PolicyConfigSchema } from "@pulumi/policy";
export function configWithDefaults<T extends object>(schema: PolicyConfigSchema, given: Partial<T>): T {
  if (stryMutAct_9fa48("2106")) {
    {}
  } else {
    stryCov_9fa48("2106");
    const defaults: Record<string, unknown> = {};
    for (const [key, property] of Object.entries(schema.properties)) {
      if (stryMutAct_9fa48("2107")) {
        {}
      } else {
        stryCov_9fa48("2107");
        if (stryMutAct_9fa48("2110") ? typeof property === "object" || property.default !== undefined : stryMutAct_9fa48("2109") ? false : stryMutAct_9fa48("2108") ? true : (stryCov_9fa48("2108", "2109", "2110"), (stryMutAct_9fa48("2112") ? typeof property !== "object" : stryMutAct_9fa48("2111") ? true : (stryCov_9fa48("2111", "2112"), typeof property === (stryMutAct_9fa48("2113") ? "" : (stryCov_9fa48("2113"), "object")))) && (stryMutAct_9fa48("2115") ? property.default === undefined : stryMutAct_9fa48("2114") ? true : (stryCov_9fa48("2114", "2115"), property.default !== undefined)))) {
          if (stryMutAct_9fa48("2116")) {
            {}
          } else {
            stryCov_9fa48("2116");
            defaults[key] = property.default;
          }
        }
      }
    }
    const out: Record<string, unknown> = stryMutAct_9fa48("2117") ? {} : (stryCov_9fa48("2117"), {
      ...defaults
    });
    for (const [key, value] of Object.entries(given)) {
      if (stryMutAct_9fa48("2118")) {
        {}
      } else {
        stryCov_9fa48("2118");
        if (stryMutAct_9fa48("2121") ? value !== undefined || value !== null : stryMutAct_9fa48("2120") ? false : stryMutAct_9fa48("2119") ? true : (stryCov_9fa48("2119", "2120", "2121"), (stryMutAct_9fa48("2123") ? value === undefined : stryMutAct_9fa48("2122") ? true : (stryCov_9fa48("2122", "2123"), value !== undefined)) && (stryMutAct_9fa48("2125") ? value === null : stryMutAct_9fa48("2124") ? true : (stryCov_9fa48("2124", "2125"), value !== null)))) {
          if (stryMutAct_9fa48("2126")) {
            {}
          } else {
            stryCov_9fa48("2126");
            out[key] = value;
          }
        }
      }
    }
    return out as T;
  }
}

/** The shared backup retention setting (backup plans and database automated backups). */
export const MINIMUM_RETENTION_SCHEMA: PolicyConfigSchema = stryMutAct_9fa48("2127") ? {} : (stryCov_9fa48("2127"), {
  properties: stryMutAct_9fa48("2128") ? {} : (stryCov_9fa48("2128"), {
    minimumRetentionDays: stryMutAct_9fa48("2129") ? {} : (stryCov_9fa48("2129"), {
      type: stryMutAct_9fa48("2130") ? "" : (stryCov_9fa48("2130"), "integer"),
      minimum: 1,
      default: 30,
      description: stryMutAct_9fa48("2131") ? "" : (stryCov_9fa48("2131"), "Fewest days a recovery point, copy or automated database backup must be kept (the spec asks for 30).")
    })
  })
});
export interface MinimumRetentionConfig {
  minimumRetentionDays: number;
}