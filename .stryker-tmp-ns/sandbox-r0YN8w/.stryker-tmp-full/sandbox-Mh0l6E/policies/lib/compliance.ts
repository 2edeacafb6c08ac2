// @ts-nocheck
// 
// Compliance metadata shared by the policies: the HIPAA Security Rule
// (45 CFR Part 164 Subpart C) sections they implement and LGPD art. 46.
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
import { PolicyComplianceFramework } from "@pulumi/policy";

/** The HIPAA Security Rule standards and implementation specifications this pack maps to. */
export const HIPAA = {
  "164.308(a)(1)(ii)(B)": "Risk management: implement security measures sufficient to reduce risks and vulnerabilities to a reasonable and appropriate level.",
  "164.308(a)(5)(ii)(B)": "Protection from malicious software: procedures for guarding against, detecting, and reporting malicious software.",
  "164.308(a)(7)(ii)(A)": "Data backup plan: establish and implement procedures to create and maintain retrievable exact copies of electronic protected health information.",
  "164.308(a)(7)(ii)(B)": "Disaster recovery plan: establish (and implement as needed) procedures to restore any loss of data.",
  "164.312(a)(1)": "Access control: allow access to electronic protected health information only to those persons or software programs that have been granted access rights.",
  "164.312(a)(2)(iv)": "Encryption and decryption: implement a mechanism to encrypt and decrypt electronic protected health information.",
  "164.312(b)": "Audit controls: implement mechanisms that record and examine activity in information systems that contain or use electronic protected health information.",
  "164.312(c)(1)": "Integrity: protect electronic protected health information from improper alteration or destruction.",
  "164.312(e)(1)": "Transmission security: guard against unauthorized access to electronic protected health information transmitted over an electronic communications network."
} as const;
export type HipaaSection = keyof typeof HIPAA;

/** LGPD (Lei 13.709/2018) art. 46: security measures that protect personal data. */
export const LGPD_ART_46 = stryMutAct_9fa48("2087") ? "" : (stryCov_9fa48("2087"), "LGPD art. 46: controllers and processors adopt technical and administrative security measures able to protect personal data from unauthorized access and from accidental or unlawful destruction, loss, alteration or communication.");
export interface Compliance {
  framework: PolicyComplianceFramework;
  tags: string[];
  url: string;
}

/**
 * The `framework`, `tags` and `url` of a policy. `primary` is the section the
 * policy implements (the framework reference); `also` lists further sections
 * it supports; `topics` are free tags (service, control) for filtering in the
 * Pulumi console. Every policy of this pack protects personal health data, so
 * it also carries the LGPD art. 46 tag.
 */
export function compliance(primary: HipaaSection, topics: string[], also: HipaaSection[] = stryMutAct_9fa48("2088") ? ["Stryker was here"] : (stryCov_9fa48("2088"), [])): Compliance {
  if (stryMutAct_9fa48("2089")) {
    {}
  } else {
    stryCov_9fa48("2089");
    const sections = stryMutAct_9fa48("2090") ? [] : (stryCov_9fa48("2090"), [primary, ...also]);
    return stryMutAct_9fa48("2091") ? {} : (stryCov_9fa48("2091"), {
      framework: stryMutAct_9fa48("2092") ? {} : (stryCov_9fa48("2092"), {
        name: stryMutAct_9fa48("2093") ? "" : (stryCov_9fa48("2093"), "HIPAA Security Rule"),
        version: stryMutAct_9fa48("2094") ? "" : (stryCov_9fa48("2094"), "45 CFR Part 164 Subpart C"),
        reference: sections.join(stryMutAct_9fa48("2095") ? "" : (stryCov_9fa48("2095"), "; ")),
        specification: sections.map(stryMutAct_9fa48("2096") ? () => undefined : (stryCov_9fa48("2096"), s => stryMutAct_9fa48("2097") ? `` : (stryCov_9fa48("2097"), `${s} ${HIPAA[s]}`))).join(stryMutAct_9fa48("2098") ? "" : (stryCov_9fa48("2098"), " ")) + (stryMutAct_9fa48("2099") ? `` : (stryCov_9fa48("2099"), ` Also ${LGPD_ART_46}`))
      }),
      tags: stryMutAct_9fa48("2100") ? [] : (stryCov_9fa48("2100"), [...sections.map(stryMutAct_9fa48("2101") ? () => undefined : (stryCov_9fa48("2101"), s => stryMutAct_9fa48("2102") ? `` : (stryCov_9fa48("2102"), `hipaa-${s}`))), stryMutAct_9fa48("2103") ? "" : (stryCov_9fa48("2103"), "lgpd-art-46"), ...topics]),
      url: stryMutAct_9fa48("2104") ? `` : (stryCov_9fa48("2104"), `https://www.ecfr.gov/current/title-45/section-${stryMutAct_9fa48("2105") ? primary : (stryCov_9fa48("2105"), primary.slice(0, 7))}`)
    });
  }
}