// @ts-nocheck
// 
// Administrative access only through the VPN: a stack with servers or data
// stores has an AWS Client VPN endpoint with mutual TLS and connection logs,
// and no security group opens a database, cache or search port to the
// internet (HIPAA 164.312(a)(1) access control, 164.312(b) audit controls;
// LGPD art. 46). SSH and RDP are no-public-admin-ports' concern.
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
import * as aws from "@pulumi/aws";
import { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { compliance } from "./lib/compliance";
import { configWithDefaults } from "./lib/config";
import { worldIngressValidator } from "./lib/ingress";
import { propsOf } from "./lib/resources";
import { isAnyOf, ResourceClass } from "./lib/validate";
import { asArray, isUnknown } from "./lib/values";

/** MySQL/Aurora, PostgreSQL, Redis/Valkey, Memcached, OpenSearch/Elasticsearch (HTTP and transport), MongoDB. */
export const DATA_PORTS = stryMutAct_9fa48("0") ? [] : (stryCov_9fa48("0"), [3306, 5432, 6379, 11211, 9200, 9300, 27017]);
export interface VpnConfig {
  requireVpn: boolean;
}

/** Resources an administrator would reach: servers and data stores in the VPC. */
const PRIVATE_WORKLOADS: ResourceClass[] = stryMutAct_9fa48("1") ? [] : (stryCov_9fa48("1"), [aws.ec2.Instance, aws.rds.Cluster, aws.rds.Instance, aws.elasticache.ReplicationGroup, aws.opensearch.Domain]);
export const adminAccessThroughVpn: StackValidationPolicy = stryMutAct_9fa48("2") ? {} : (stryCov_9fa48("2"), {
  name: stryMutAct_9fa48("3") ? "" : (stryCov_9fa48("3"), "admin-access-through-vpn"),
  description: (stryMutAct_9fa48("4") ? "" : (stryCov_9fa48("4"), "A stack with servers or data stores has an aws.ec2clientvpn.Endpoint that authenticates clients with certificates ")) + (stryMutAct_9fa48("5") ? "" : (stryCov_9fa48("5"), "(mutual TLS, one certificate per administrator) and logs connections (connectionLogOptions.enabled), so private ")) + (stryMutAct_9fa48("6") ? "" : (stryCov_9fa48("6"), "endpoints are reached only through it and every session is attributable.")),
  enforcementLevel: stryMutAct_9fa48("7") ? "" : (stryCov_9fa48("7"), "mandatory"),
  severity: stryMutAct_9fa48("8") ? "" : (stryCov_9fa48("8"), "high"),
  remediationSteps: (stryMutAct_9fa48("9") ? "" : (stryCov_9fa48("9"), "Set hms:securityVpnEnabled: true (Security creates the Client VPN endpoint with certificate authentication and connection ")) + (stryMutAct_9fa48("10") ? "" : (stryCov_9fa48("10"), "logs), or, for a stack without administrators, set requireVpn: false in policies/config/<stack>.json.")),
  configSchema: stryMutAct_9fa48("11") ? {} : (stryCov_9fa48("11"), {
    properties: stryMutAct_9fa48("12") ? {} : (stryCov_9fa48("12"), {
      requireVpn: stryMutAct_9fa48("13") ? {} : (stryCov_9fa48("13"), {
        type: stryMutAct_9fa48("14") ? "" : (stryCov_9fa48("14"), "boolean"),
        default: stryMutAct_9fa48("15") ? false : (stryCov_9fa48("15"), true),
        description: stryMutAct_9fa48("16") ? "" : (stryCov_9fa48("16"), "Whether a stack with servers or data stores must have the Client VPN.")
      })
    })
  }),
  ...compliance(stryMutAct_9fa48("17") ? "" : (stryCov_9fa48("17"), "164.312(a)(1)"), stryMutAct_9fa48("18") ? [] : (stryCov_9fa48("18"), [stryMutAct_9fa48("19") ? "" : (stryCov_9fa48("19"), "network"), stryMutAct_9fa48("20") ? "" : (stryCov_9fa48("20"), "vpn")]), stryMutAct_9fa48("21") ? [] : (stryCov_9fa48("21"), [stryMutAct_9fa48("22") ? "" : (stryCov_9fa48("22"), "164.312(b)")])),
  validateStack: (args, report) => {
    if (stryMutAct_9fa48("23")) {
      {}
    } else {
      stryCov_9fa48("23");
      const {
        requireVpn
      } = configWithDefaults<VpnConfig>(adminAccessThroughVpn.configSchema!, args.getConfig<VpnConfig>());
      const workloads = stryMutAct_9fa48("24") ? args.resources : (stryCov_9fa48("24"), args.resources.filter(stryMutAct_9fa48("25") ? () => undefined : (stryCov_9fa48("25"), r => isAnyOf(r, PRIVATE_WORKLOADS))));
      if (stryMutAct_9fa48("28") ? !requireVpn && workloads.length === 0 : stryMutAct_9fa48("27") ? false : stryMutAct_9fa48("26") ? true : (stryCov_9fa48("26", "27", "28"), (stryMutAct_9fa48("29") ? requireVpn : (stryCov_9fa48("29"), !requireVpn)) || (stryMutAct_9fa48("31") ? workloads.length !== 0 : stryMutAct_9fa48("30") ? false : (stryCov_9fa48("30", "31"), workloads.length === 0)))) {
        if (stryMutAct_9fa48("32")) {
          {}
        } else {
          stryCov_9fa48("32");
          args.notApplicable(requireVpn ? stryMutAct_9fa48("34") ? "" : (stryCov_9fa48("34"), "no servers or data stores") : stryMutAct_9fa48("35") ? "" : (stryCov_9fa48("35"), "requireVpn is false for this stack"));
        }
      }
      const endpoints = stryMutAct_9fa48("36") ? args.resources : (stryCov_9fa48("36"), args.resources.filter(stryMutAct_9fa48("37") ? () => undefined : (stryCov_9fa48("37"), r => r.isType(aws.ec2clientvpn.Endpoint))));
      if (stryMutAct_9fa48("40") ? endpoints.length !== 0 : stryMutAct_9fa48("39") ? false : stryMutAct_9fa48("38") ? true : (stryCov_9fa48("38", "39", "40"), endpoints.length === 0)) {
        if (stryMutAct_9fa48("41")) {
          {}
        } else {
          stryCov_9fa48("41");
          report(stryMutAct_9fa48("43") ? `` : (stryCov_9fa48("43"), `the stack has ${workloads.length} servers and data stores but no Client VPN endpoint: administrators would need another way in.`), workloads[0].urn);
          return;
        }
      }
      for (const e of endpoints) {
        if (stryMutAct_9fa48("44")) {
          {}
        } else {
          stryCov_9fa48("44");
          const p = propsOf(e);
          const auth = p.authenticationOptions;
          if (stryMutAct_9fa48("47") ? !isUnknown(auth) || !asArray(auth).some(a => isUnknown(a) || (a as {
            type?: unknown;
          }).type === "certificate-authentication") : stryMutAct_9fa48("46") ? false : stryMutAct_9fa48("45") ? true : (stryCov_9fa48("45", "46", "47"), (stryMutAct_9fa48("48") ? isUnknown(auth) : (stryCov_9fa48("48"), !isUnknown(auth))) && (stryMutAct_9fa48("49") ? asArray(auth).some(a => isUnknown(a) || (a as {
            type?: unknown;
          }).type === "certificate-authentication") : (stryCov_9fa48("49"), !(stryMutAct_9fa48("50") ? asArray(auth).every(a => isUnknown(a) || (a as {
            type?: unknown;
          }).type === "certificate-authentication") : (stryCov_9fa48("50"), asArray(auth).some(stryMutAct_9fa48("51") ? () => undefined : (stryCov_9fa48("51"), a => stryMutAct_9fa48("54") ? isUnknown(a) && (a as {
            type?: unknown;
          }).type === "certificate-authentication" : stryMutAct_9fa48("53") ? false : stryMutAct_9fa48("52") ? true : (stryCov_9fa48("52", "53", "54"), isUnknown(a) || (stryMutAct_9fa48("56") ? (a as {
            type?: unknown;
          }).type !== "certificate-authentication" : stryMutAct_9fa48("55") ? false : (stryCov_9fa48("55", "56"), (a as {
            type?: unknown;
          }).type === (stryMutAct_9fa48("57") ? "" : (stryCov_9fa48("57"), "certificate-authentication"))))))))))))) {
            if (stryMutAct_9fa48("58")) {
              {}
            } else {
              stryCov_9fa48("58");
              report(stryMutAct_9fa48("60") ? `` : (stryCov_9fa48("60"), `Client VPN endpoint ${e.name} does not authenticate clients with certificates (mutual TLS).`), e.urn);
            }
          }
          const logs = p.connectionLogOptions as {
            enabled?: unknown;
          } | undefined;
          if (stryMutAct_9fa48("63") ? !isUnknown(logs) && !isUnknown(logs?.enabled) || logs?.enabled !== true : stryMutAct_9fa48("62") ? false : stryMutAct_9fa48("61") ? true : (stryCov_9fa48("61", "62", "63"), (stryMutAct_9fa48("65") ? !isUnknown(logs) || !isUnknown(logs?.enabled) : stryMutAct_9fa48("64") ? true : (stryCov_9fa48("64", "65"), (stryMutAct_9fa48("66") ? isUnknown(logs) : (stryCov_9fa48("66"), !isUnknown(logs))) && (stryMutAct_9fa48("67") ? isUnknown(logs?.enabled) : (stryCov_9fa48("67"), !isUnknown(stryMutAct_9fa48("68") ? logs.enabled : (stryCov_9fa48("68"), logs?.enabled)))))) && (stryMutAct_9fa48("70") ? logs?.enabled === true : stryMutAct_9fa48("69") ? true : (stryCov_9fa48("69", "70"), (stryMutAct_9fa48("71") ? logs.enabled : (stryCov_9fa48("71"), logs?.enabled)) !== (stryMutAct_9fa48("72") ? false : (stryCov_9fa48("72"), true)))))) {
            if (stryMutAct_9fa48("73")) {
              {}
            } else {
              stryCov_9fa48("73");
              report(stryMutAct_9fa48("75") ? `` : (stryCov_9fa48("75"), `Client VPN endpoint ${e.name} does not log connections: sessions could not be attributed to a person.`), e.urn);
            }
          }
        }
      }
    }
  }
});
export const noPublicDataPorts: ResourceValidationPolicy = stryMutAct_9fa48("76") ? {} : (stryCov_9fa48("76"), {
  name: stryMutAct_9fa48("77") ? "" : (stryCov_9fa48("77"), "no-public-data-ports"),
  description: (stryMutAct_9fa48("78") ? `` : (stryCov_9fa48("78"), `No security group rule opens a database, cache or search port (${DATA_PORTS.join(stryMutAct_9fa48("79") ? "" : (stryCov_9fa48("79"), ", "))}), a range containing one, or all `)) + (stryMutAct_9fa48("80") ? "" : (stryCov_9fa48("80"), "traffic, to 0.0.0.0/0 or ::/0. Administrators reach data stores through the Client VPN.")),
  enforcementLevel: stryMutAct_9fa48("81") ? "" : (stryCov_9fa48("81"), "mandatory"),
  severity: stryMutAct_9fa48("82") ? "" : (stryCov_9fa48("82"), "critical"),
  remediationSteps: stryMutAct_9fa48("83") ? "" : (stryCov_9fa48("83"), "Remove the rule; allow the port only from the tier that needs it or the Client VPN's security group (referencedSecurityGroupId)."),
  ...compliance(stryMutAct_9fa48("84") ? "" : (stryCov_9fa48("84"), "164.312(a)(1)"), stryMutAct_9fa48("85") ? [] : (stryCov_9fa48("85"), [stryMutAct_9fa48("86") ? "" : (stryCov_9fa48("86"), "network"), stryMutAct_9fa48("87") ? "" : (stryCov_9fa48("87"), "security-group"), stryMutAct_9fa48("88") ? "" : (stryCov_9fa48("88"), "vpn")])),
  validateResource: worldIngressValidator(DATA_PORTS, stryMutAct_9fa48("89") ? () => undefined : (stryCov_9fa48("89"), () => stryMutAct_9fa48("90") ? "" : (stryCov_9fa48("90"), "Data stores must never face the internet; use the Client VPN.")))
});