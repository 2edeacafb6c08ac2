// @ts-nocheck
// 
// Resource validations over several resource types, and the customer-managed
// KMS key test shared by the encryption policies.
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
import { PolicyResource, ResourceValidation, ResourceValidationArgs } from "@pulumi/policy";
import { isUnknown, Tri } from "./values";

/** A resource class as `isType`/`asType` accept it (e.g. `aws.rds.Cluster`). */
export type ResourceClass = Parameters<ResourceValidationArgs["isType"]>[0];

/**
 * Like `validateResourceOfType`, for a policy that checks several types with
 * one body (the body picks the type with `args.asType`). Other types are
 * reported as not applicable, as the SDK's helper does.
 */
export function validateResourceOfTypes(classes: ResourceClass[], what: string, validate: ResourceValidation): ResourceValidation {
  if (stryMutAct_9fa48("2424")) {
    {}
  } else {
    stryCov_9fa48("2424");
    return (args, report) => {
      if (stryMutAct_9fa48("2425")) {
        {}
      } else {
        stryCov_9fa48("2425");
        if (stryMutAct_9fa48("2428") ? false : stryMutAct_9fa48("2427") ? true : stryMutAct_9fa48("2426") ? classes.some(c => args.isType(c)) : (stryCov_9fa48("2426", "2427", "2428"), !(stryMutAct_9fa48("2429") ? classes.every(c => args.isType(c)) : (stryCov_9fa48("2429"), classes.some(stryMutAct_9fa48("2430") ? () => undefined : (stryCov_9fa48("2430"), c => args.isType(c))))))) {
          if (stryMutAct_9fa48("2431")) {
            {}
          } else {
            stryCov_9fa48("2431");
            args.notApplicable(stryMutAct_9fa48("2433") ? `` : (stryCov_9fa48("2433"), `Policy only applies to ${what}`));
          }
        }
        return validate(args, report);
      }
    };
  }
}

/** True when the stack resource is of one of `classes`. */
export function isAnyOf(r: PolicyResource, classes: ResourceClass[]): boolean {
  if (stryMutAct_9fa48("2434")) {
    {}
  } else {
    stryCov_9fa48("2434");
    return stryMutAct_9fa48("2435") ? classes.every(c => r.isType(c)) : (stryCov_9fa48("2435"), classes.some(stryMutAct_9fa48("2436") ? () => undefined : (stryCov_9fa48("2436"), c => r.isType(c))));
  }
}

/**
 * Whether a KMS key reference names a customer managed key: set, and not an
 * AWS managed alias (`alias/aws/...`, whose key policy the hospital cannot
 * control or audit). Undefined when unknown.
 */
export function isCustomerManagedKey(v: unknown): Tri {
  if (stryMutAct_9fa48("2437")) {
    {}
  } else {
    stryCov_9fa48("2437");
    if (stryMutAct_9fa48("2439") ? false : stryMutAct_9fa48("2438") ? true : (stryCov_9fa48("2438", "2439"), isUnknown(v))) {
      if (stryMutAct_9fa48("2440")) {
        {}
      } else {
        stryCov_9fa48("2440");
        return undefined;
      }
    }
    if (stryMutAct_9fa48("2443") ? typeof v !== "string" && v === "" : stryMutAct_9fa48("2442") ? false : stryMutAct_9fa48("2441") ? true : (stryCov_9fa48("2441", "2442", "2443"), (stryMutAct_9fa48("2445") ? typeof v === "string" : stryMutAct_9fa48("2444") ? false : (stryCov_9fa48("2444", "2445"), typeof v !== (stryMutAct_9fa48("2446") ? "" : (stryCov_9fa48("2446"), "string")))) || (stryMutAct_9fa48("2448") ? v !== "" : stryMutAct_9fa48("2447") ? false : (stryCov_9fa48("2447", "2448"), v === (stryMutAct_9fa48("2449") ? "Stryker was here!" : (stryCov_9fa48("2449"), "")))))) {
      if (stryMutAct_9fa48("2450")) {
        {}
      } else {
        stryCov_9fa48("2450");
        return stryMutAct_9fa48("2451") ? true : (stryCov_9fa48("2451"), false);
      }
    }
    return stryMutAct_9fa48("2452") ? /(^|:)alias\/aws\//.test(v) : (stryCov_9fa48("2452"), !(stryMutAct_9fa48("2453") ? /(:)alias\/aws\// : (stryCov_9fa48("2453"), /(^|:)alias\/aws\//)).test(v));
  }
}