// @ts-nocheck
// Cloudflare zones a stack manages. A zone is identified by its id when
// known, or by the cloudflare.Zone resource the stack creates (whose id is
// unknown until it exists; its dependents carry it in propertyDependencies).
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
import * as cloudflare from "@pulumi/cloudflare";
import { PolicyResource } from "@pulumi/policy";
import { propsOf } from "./resources";
import { knownString } from "./values";

/** The key of the zone a Cloudflare resource belongs to, or undefined when not known yet. */
export function zoneKeyOf(r: PolicyResource): string | undefined {
  if (stryMutAct_9fa48("2520")) {
    {}
  } else {
    stryCov_9fa48("2520");
    if (stryMutAct_9fa48("2522") ? false : stryMutAct_9fa48("2521") ? true : (stryCov_9fa48("2521", "2522"), r.isType(cloudflare.Zone))) {
      if (stryMutAct_9fa48("2523")) {
        {}
      } else {
        stryCov_9fa48("2523");
        return stryMutAct_9fa48("2524") ? `` : (stryCov_9fa48("2524"), `urn:${r.urn}`);
      }
    }
    const zone = (stryMutAct_9fa48("2525") ? r.propertyDependencies.zoneId && [] : (stryCov_9fa48("2525"), r.propertyDependencies.zoneId ?? (stryMutAct_9fa48("2526") ? ["Stryker was here"] : (stryCov_9fa48("2526"), [])))).find(stryMutAct_9fa48("2527") ? () => undefined : (stryCov_9fa48("2527"), d => d.isType(cloudflare.Zone)));
    if (stryMutAct_9fa48("2529") ? false : stryMutAct_9fa48("2528") ? true : (stryCov_9fa48("2528", "2529"), zone)) {
      if (stryMutAct_9fa48("2530")) {
        {}
      } else {
        stryCov_9fa48("2530");
        return stryMutAct_9fa48("2531") ? `` : (stryCov_9fa48("2531"), `urn:${zone.urn}`);
      }
    }
    const id = knownString(propsOf(r).zoneId);
    return id ? stryMutAct_9fa48("2532") ? `` : (stryCov_9fa48("2532"), `id:${id}`) : undefined;
  }
}

/**
 * Zones the stack manages: the zones of its cloudflare.Zone resources and of
 * every Cloudflare resource with a `zoneId`, each with its member resources
 * (the zone resource first, then DNS records, then the rest).
 */
export function zonesOf(resources: PolicyResource[]): Map<string, PolicyResource[]> {
  if (stryMutAct_9fa48("2533")) {
    {}
  } else {
    stryCov_9fa48("2533");
    const zones = new Map<string, PolicyResource[]>();
    const rank = stryMutAct_9fa48("2534") ? () => undefined : (stryCov_9fa48("2534"), (() => {
      const rank = (r: PolicyResource) => r.isType(cloudflare.Zone) ? 0 : r.isType(cloudflare.DnsRecord) ? 1 : 2;
      return rank;
    })());
    for (const r of resources) {
      if (stryMutAct_9fa48("2535")) {
        {}
      } else {
        stryCov_9fa48("2535");
        if (stryMutAct_9fa48("2538") ? false : stryMutAct_9fa48("2537") ? true : stryMutAct_9fa48("2536") ? r.type.startsWith("cloudflare:") : (stryCov_9fa48("2536", "2537", "2538"), !(stryMutAct_9fa48("2539") ? r.type.endsWith("cloudflare:") : (stryCov_9fa48("2539"), r.type.startsWith(stryMutAct_9fa48("2540") ? "" : (stryCov_9fa48("2540"), "cloudflare:")))))) {
          if (stryMutAct_9fa48("2541")) {
            {}
          } else {
            stryCov_9fa48("2541");
            continue;
          }
        }
        // Account-level resources (no zone) have no key.
        const key = zoneKeyOf(r);
        if (stryMutAct_9fa48("2544") ? key !== undefined : stryMutAct_9fa48("2543") ? false : stryMutAct_9fa48("2542") ? true : (stryCov_9fa48("2542", "2543", "2544"), key === undefined)) {
          if (stryMutAct_9fa48("2545")) {
            {}
          } else {
            stryCov_9fa48("2545");
            continue;
          }
        }
        zones.set(key, stryMutAct_9fa48("2547") ? [] : (stryCov_9fa48("2547"), [...(stryMutAct_9fa48("2548") ? zones.get(key) && [] : (stryCov_9fa48("2548"), zones.get(key) ?? (stryMutAct_9fa48("2549") ? ["Stryker was here"] : (stryCov_9fa48("2549"), [])))), r]));
      }
    }
    for (const members of zones.values()) {
      if (stryMutAct_9fa48("2550")) {
        {}
      } else {
        stryCov_9fa48("2550");
        stryMutAct_9fa48("2552") ? members : (stryCov_9fa48("2552"), members.sort(stryMutAct_9fa48("2553") ? () => undefined : (stryCov_9fa48("2553"), (a, b) => stryMutAct_9fa48("2554") ? rank(a) + rank(b) : (stryCov_9fa48("2554"), rank(a) - rank(b)))));
      }
    }
    return zones;
  }
}

/** A readable name for a zone: its domain when the stack creates it, else its id. */
export function zoneLabel(key: string, members: PolicyResource[]): string {
  if (stryMutAct_9fa48("2555")) {
    {}
  } else {
    stryCov_9fa48("2555");
    if (stryMutAct_9fa48("2558") ? key.endsWith("id:") : stryMutAct_9fa48("2557") ? false : stryMutAct_9fa48("2556") ? true : (stryCov_9fa48("2556", "2557", "2558"), key.startsWith(stryMutAct_9fa48("2559") ? "" : (stryCov_9fa48("2559"), "id:")))) {
      if (stryMutAct_9fa48("2560")) {
        {}
      } else {
        stryCov_9fa48("2560");
        return stryMutAct_9fa48("2561") ? key : (stryCov_9fa48("2561"), key.slice(3));
      }
    }
    const zone = members.find(stryMutAct_9fa48("2562") ? () => undefined : (stryCov_9fa48("2562"), m => m.isType(cloudflare.Zone)));
    return stryMutAct_9fa48("2563") ? ((zone && knownString(propsOf(zone).name)) ?? zone?.name) && key : (stryCov_9fa48("2563"), (stryMutAct_9fa48("2564") ? zone && knownString(propsOf(zone).name) && zone?.name : (stryCov_9fa48("2564"), (stryMutAct_9fa48("2567") ? zone || knownString(propsOf(zone).name) : stryMutAct_9fa48("2566") ? false : stryMutAct_9fa48("2565") ? true : (stryCov_9fa48("2565", "2566", "2567"), zone && knownString(propsOf(zone).name))) ?? (stryMutAct_9fa48("2568") ? zone.name : (stryCov_9fa48("2568"), zone?.name)))) ?? key);
  }
}