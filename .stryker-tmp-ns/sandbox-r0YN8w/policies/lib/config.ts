// @ts-nocheck
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
  if (stryMutAct_9fa48("2107")) {
    {}
  } else {
    stryCov_9fa48("2107");
    const defaults: Record<string, unknown> = {};
    for (const [key, property] of Object.entries(schema.properties)) {
      if (stryMutAct_9fa48("2108")) {
        {}
      } else {
        stryCov_9fa48("2108");
        // Stryker disable next-line ConditionalExpression: a boolean schema (`true`) has no default either
        if (stryMutAct_9fa48("2111") ? typeof property === "object" || property.default !== undefined : (stryCov_9fa48("2111"), (stryMutAct_9fa48("2113") ? typeof property !== "object" : (stryCov_9fa48("2113"), typeof property === (stryMutAct_9fa48("2114") ? "" : (stryCov_9fa48("2114"), "object")))) && (stryMutAct_9fa48("2116") ? property.default === undefined : (stryCov_9fa48("2116"), property.default !== undefined)))) {
          if (stryMutAct_9fa48("2117")) {
            {}
          } else {
            stryCov_9fa48("2117");
            defaults[key] = property.default;
          }
        }
      }
    }
    const out: Record<string, unknown> = stryMutAct_9fa48("2118") ? {} : (stryCov_9fa48("2118"), {
      ...defaults
    });
    for (const [key, value] of Object.entries(given)) {
      if (stryMutAct_9fa48("2119")) {
        {}
      } else {
        stryCov_9fa48("2119");
        if (stryMutAct_9fa48("2122") ? value !== undefined || value !== null : stryMutAct_9fa48("2121") ? false : stryMutAct_9fa48("2120") ? true : (stryCov_9fa48("2120", "2121", "2122"), (stryMutAct_9fa48("2124") ? value === undefined : stryMutAct_9fa48("2123") ? true : (stryCov_9fa48("2123", "2124"), value !== undefined)) && (stryMutAct_9fa48("2126") ? value === null : stryMutAct_9fa48("2125") ? true : (stryCov_9fa48("2125", "2126"), value !== null)))) {
          if (stryMutAct_9fa48("2127")) {
            {}
          } else {
            stryCov_9fa48("2127");
            out[key] = value;
          }
        }
      }
    }
    return out as T;
  }
}

/** The shared backup retention setting (backup plans and database automated backups). */
export const MINIMUM_RETENTION_SCHEMA: PolicyConfigSchema = stryMutAct_9fa48("2128") ? {} : (stryCov_9fa48("2128"), {
  properties: stryMutAct_9fa48("2129") ? {} : (stryCov_9fa48("2129"), {
    minimumRetentionDays: stryMutAct_9fa48("2130") ? {} : (stryCov_9fa48("2130"), {
      type: stryMutAct_9fa48("2131") ? "" : (stryCov_9fa48("2131"), "integer"),
      minimum: 1,
      default: 30,
      description: stryMutAct_9fa48("2132") ? "" : (stryCov_9fa48("2132"), "Fewest days a recovery point, copy or automated database backup must be kept (the spec asks for 30).")
    })
  })
});
export interface MinimumRetentionConfig {
  minimumRetentionDays: number;
}