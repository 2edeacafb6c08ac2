// @ts-nocheck
// 
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
  if (stryMutAct_9fa48("2617")) {
    {}
  } else {
    stryCov_9fa48("2617");
    if (stryMutAct_9fa48("2619") ? false : stryMutAct_9fa48("2618") ? true : (stryCov_9fa48("2618", "2619"), r.isType(cloudflare.Zone))) {
      if (stryMutAct_9fa48("2620")) {
        {}
      } else {
        stryCov_9fa48("2620");
        return stryMutAct_9fa48("2621") ? `` : (stryCov_9fa48("2621"), `urn:${r.urn}`);
      }
    }
    const zone = (stryMutAct_9fa48("2622") ? r.propertyDependencies.zoneId && [] : (stryCov_9fa48("2622"), r.propertyDependencies.zoneId ?? (stryMutAct_9fa48("2623") ? ["Stryker was here"] : (stryCov_9fa48("2623"), [])))).find(stryMutAct_9fa48("2624") ? () => undefined : (stryCov_9fa48("2624"), d => d.isType(cloudflare.Zone)));
    if (stryMutAct_9fa48("2626") ? false : stryMutAct_9fa48("2625") ? true : (stryCov_9fa48("2625", "2626"), zone)) {
      if (stryMutAct_9fa48("2627")) {
        {}
      } else {
        stryCov_9fa48("2627");
        return stryMutAct_9fa48("2628") ? `` : (stryCov_9fa48("2628"), `urn:${zone.urn}`);
      }
    }
    const id = knownString(propsOf(r).zoneId);
    return id ? stryMutAct_9fa48("2629") ? `` : (stryCov_9fa48("2629"), `id:${id}`) : undefined;
  }
}

/**
 * Zones the stack manages: the zones of its cloudflare.Zone resources and of
 * every Cloudflare resource with a `zoneId`, each with its member resources
 * (the zone resource first, then DNS records, then the rest).
 */
export function zonesOf(resources: PolicyResource[]): Map<string, PolicyResource[]> {
  if (stryMutAct_9fa48("2630")) {
    {}
  } else {
    stryCov_9fa48("2630");
    const zones = new Map<string, PolicyResource[]>();
    const rank = stryMutAct_9fa48("2631") ? () => undefined : (stryCov_9fa48("2631"), (() => {
      const rank = (r: PolicyResource) => r.isType(cloudflare.Zone) ? 0 : r.isType(cloudflare.DnsRecord) ? 1 : 2;
      return rank;
    })());
    for (const r of resources) {
      if (stryMutAct_9fa48("2632")) {
        {}
      } else {
        stryCov_9fa48("2632");
        if (stryMutAct_9fa48("2635") ? false : stryMutAct_9fa48("2634") ? true : stryMutAct_9fa48("2633") ? r.type.startsWith("cloudflare:") : (stryCov_9fa48("2633", "2634", "2635"), !(stryMutAct_9fa48("2636") ? r.type.endsWith("cloudflare:") : (stryCov_9fa48("2636"), r.type.startsWith(stryMutAct_9fa48("2637") ? "" : (stryCov_9fa48("2637"), "cloudflare:")))))) {
          if (stryMutAct_9fa48("2638")) {
            {}
          } else {
            stryCov_9fa48("2638");
            continue;
          }
        }
        if (stryMutAct_9fa48("2641") ? !r.isType(cloudflare.Zone) || propsOf(r).zoneId === undefined : stryMutAct_9fa48("2640") ? false : stryMutAct_9fa48("2639") ? true : (stryCov_9fa48("2639", "2640", "2641"), (stryMutAct_9fa48("2642") ? r.isType(cloudflare.Zone) : (stryCov_9fa48("2642"), !r.isType(cloudflare.Zone))) && (stryMutAct_9fa48("2644") ? propsOf(r).zoneId !== undefined : stryMutAct_9fa48("2643") ? true : (stryCov_9fa48("2643", "2644"), propsOf(r).zoneId === undefined)))) {
          if (stryMutAct_9fa48("2645")) {
            {}
          } else {
            stryCov_9fa48("2645");
            continue;
          }
        }
        const key = zoneKeyOf(r);
        if (stryMutAct_9fa48("2648") ? key !== undefined : stryMutAct_9fa48("2647") ? false : stryMutAct_9fa48("2646") ? true : (stryCov_9fa48("2646", "2647", "2648"), key === undefined)) {
          if (stryMutAct_9fa48("2649")) {
            {}
          } else {
            stryCov_9fa48("2649");
            continue;
          }
        }
        zones.set(key, stryMutAct_9fa48("2651") ? [] : (stryCov_9fa48("2651"), [...(stryMutAct_9fa48("2652") ? zones.get(key) && [] : (stryCov_9fa48("2652"), zones.get(key) ?? (stryMutAct_9fa48("2653") ? ["Stryker was here"] : (stryCov_9fa48("2653"), [])))), r]));
      }
    }
    for (const members of zones.values()) {
      if (stryMutAct_9fa48("2654")) {
        {}
      } else {
        stryCov_9fa48("2654");
        stryMutAct_9fa48("2656") ? members : (stryCov_9fa48("2656"), members.sort(stryMutAct_9fa48("2657") ? () => undefined : (stryCov_9fa48("2657"), (a, b) => stryMutAct_9fa48("2658") ? rank(a) + rank(b) : (stryCov_9fa48("2658"), rank(a) - rank(b)))));
      }
    }
    return zones;
  }
}

/** A readable name for a zone: its domain when the stack creates it, else its id. */
export function zoneLabel(key: string, members: PolicyResource[]): string {
  if (stryMutAct_9fa48("2659")) {
    {}
  } else {
    stryCov_9fa48("2659");
    if (stryMutAct_9fa48("2662") ? key.endsWith("id:") : stryMutAct_9fa48("2661") ? false : stryMutAct_9fa48("2660") ? true : (stryCov_9fa48("2660", "2661", "2662"), key.startsWith(stryMutAct_9fa48("2663") ? "" : (stryCov_9fa48("2663"), "id:")))) {
      if (stryMutAct_9fa48("2664")) {
        {}
      } else {
        stryCov_9fa48("2664");
        return stryMutAct_9fa48("2665") ? key : (stryCov_9fa48("2665"), key.slice(3));
      }
    }
    const zone = members.find(stryMutAct_9fa48("2666") ? () => undefined : (stryCov_9fa48("2666"), m => m.isType(cloudflare.Zone)));
    return stryMutAct_9fa48("2667") ? ((zone && knownString(propsOf(zone).name)) ?? zone?.name) && key : (stryCov_9fa48("2667"), (stryMutAct_9fa48("2668") ? zone && knownString(propsOf(zone).name) && zone?.name : (stryCov_9fa48("2668"), (stryMutAct_9fa48("2671") ? zone || knownString(propsOf(zone).name) : stryMutAct_9fa48("2670") ? false : stryMutAct_9fa48("2669") ? true : (stryCov_9fa48("2669", "2670", "2671"), zone && knownString(propsOf(zone).name))) ?? (stryMutAct_9fa48("2672") ? zone.name : (stryCov_9fa48("2672"), zone?.name)))) ?? key);
  }
}