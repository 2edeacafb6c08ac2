// @ts-nocheck
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
  if (stryMutAct_9fa48("2375")) {
    {}
  } else {
    stryCov_9fa48("2375");
    return (args, report) => {
      if (stryMutAct_9fa48("2376")) {
        {}
      } else {
        stryCov_9fa48("2376");
        if (stryMutAct_9fa48("2379") ? false : stryMutAct_9fa48("2378") ? true : stryMutAct_9fa48("2377") ? classes.some(c => args.isType(c)) : (stryCov_9fa48("2377", "2378", "2379"), !(stryMutAct_9fa48("2380") ? classes.every(c => args.isType(c)) : (stryCov_9fa48("2380"), classes.some(stryMutAct_9fa48("2381") ? () => undefined : (stryCov_9fa48("2381"), c => args.isType(c))))))) {
          if (stryMutAct_9fa48("2382")) {
            {}
          } else {
            stryCov_9fa48("2382");
            args.notApplicable(stryMutAct_9fa48("2384") ? `` : (stryCov_9fa48("2384"), `Policy only applies to ${what}`));
          }
        }
        return validate(args, report);
      }
    };
  }
}

/** True when the stack resource is of one of `classes`. */
export function isAnyOf(r: PolicyResource, classes: ResourceClass[]): boolean {
  if (stryMutAct_9fa48("2385")) {
    {}
  } else {
    stryCov_9fa48("2385");
    return stryMutAct_9fa48("2386") ? classes.every(c => r.isType(c)) : (stryCov_9fa48("2386"), classes.some(stryMutAct_9fa48("2387") ? () => undefined : (stryCov_9fa48("2387"), c => r.isType(c))));
  }
}

/**
 * Whether a KMS key reference names a customer managed key: set, and not an
 * AWS managed alias (`alias/aws/...`, whose key policy the hospital cannot
 * control or audit). Undefined when unknown.
 */
export function isCustomerManagedKey(v: unknown): Tri {
  if (stryMutAct_9fa48("2388")) {
    {}
  } else {
    stryCov_9fa48("2388");
    if (stryMutAct_9fa48("2390") ? false : stryMutAct_9fa48("2389") ? true : (stryCov_9fa48("2389", "2390"), isUnknown(v))) {
      if (stryMutAct_9fa48("2391")) {
        {}
      } else {
        stryCov_9fa48("2391");
        return undefined;
      }
    }
    if (stryMutAct_9fa48("2394") ? typeof v !== "string" && v === "" : stryMutAct_9fa48("2393") ? false : stryMutAct_9fa48("2392") ? true : (stryCov_9fa48("2392", "2393", "2394"), (stryMutAct_9fa48("2396") ? typeof v === "string" : stryMutAct_9fa48("2395") ? false : (stryCov_9fa48("2395", "2396"), typeof v !== (stryMutAct_9fa48("2397") ? "" : (stryCov_9fa48("2397"), "string")))) || (stryMutAct_9fa48("2399") ? v !== "" : stryMutAct_9fa48("2398") ? false : (stryCov_9fa48("2398", "2399"), v === (stryMutAct_9fa48("2400") ? "Stryker was here!" : (stryCov_9fa48("2400"), "")))))) {
      if (stryMutAct_9fa48("2401")) {
        {}
      } else {
        stryCov_9fa48("2401");
        return stryMutAct_9fa48("2402") ? true : (stryCov_9fa48("2402"), false);
      }
    }
    return stryMutAct_9fa48("2403") ? /(^|:)alias\/aws\//.test(v) : (stryCov_9fa48("2403"), !(stryMutAct_9fa48("2404") ? /(:)alias\/aws\// : (stryCov_9fa48("2404"), /(^|:)alias\/aws\//)).test(v));
  }
}