// @ts-nocheck
// High availability where the stack promises it (the spec's production: two
// WordPress servers, MySQL 1 primary + 2 replicas, Redis 3 nodes): no single
// server, database instance, cache node or load-balancer target carries the
// hospital alone (HIPAA 164.308(a)(7)(ii)(B) disaster recovery / contingency,
// 164.312(a)(1); LGPD art. 46 availability of personal data).
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
import { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { compliance } from "./lib/compliance";
import { configWithDefaults } from "./lib/config";
import { propsOf, refersTo, tagValue } from "./lib/resources";
import { isUnknown, knownString } from "./lib/values";
export interface HighAvailabilityConfig {
  requireHighAvailability: boolean;
  appServerRoleTag: string;
}

/** Distinct known values, or undefined when one is unknown at preview. */
function distinct(values: unknown[]): number | undefined {
  if (stryMutAct_9fa48("1906")) {
    {}
  } else {
    stryCov_9fa48("1906");
    if (stryMutAct_9fa48("1909") ? values.every(v => isUnknown(v)) : stryMutAct_9fa48("1908") ? false : stryMutAct_9fa48("1907") ? true : (stryCov_9fa48("1907", "1908", "1909"), values.some(stryMutAct_9fa48("1910") ? () => undefined : (stryCov_9fa48("1910"), v => isUnknown(v))))) {
      if (stryMutAct_9fa48("1911")) {
        {}
      } else {
        stryCov_9fa48("1911");
        return undefined;
      }
    }
    // Stryker disable next-line StringLiteral: any one stand-in for "not given" counts the same
    return new Set(values.map(stryMutAct_9fa48("1912") ? () => undefined : (stryCov_9fa48("1912"), v => stryMutAct_9fa48("1913") ? knownString(v) && "" : (stryCov_9fa48("1913"), knownString(v) ?? "")))).size;
  }
}
function appServerProblems(resources: PolicyResource[], role: string): string[] {
  if (stryMutAct_9fa48("1915")) {
    {}
  } else {
    stryCov_9fa48("1915");
    const servers = stryMutAct_9fa48("1916") ? resources : (stryCov_9fa48("1916"), resources.filter(stryMutAct_9fa48("1917") ? () => undefined : (stryCov_9fa48("1917"), r => stryMutAct_9fa48("1920") ? r.isType(aws.ec2.Instance) || tagValue(r, "Role") === role : stryMutAct_9fa48("1919") ? false : stryMutAct_9fa48("1918") ? true : (stryCov_9fa48("1918", "1919", "1920"), r.isType(aws.ec2.Instance) && (stryMutAct_9fa48("1922") ? tagValue(r, "Role") !== role : stryMutAct_9fa48("1921") ? true : (stryCov_9fa48("1921", "1922"), tagValue(r, stryMutAct_9fa48("1923") ? "" : (stryCov_9fa48("1923"), "Role")) === role))))));
    const subnets = distinct(servers.map(stryMutAct_9fa48("1924") ? () => undefined : (stryCov_9fa48("1924"), s => propsOf(s).subnetId)));
    if (stryMutAct_9fa48("1928") ? servers.length >= 2 : stryMutAct_9fa48("1927") ? servers.length <= 2 : stryMutAct_9fa48("1926") ? false : stryMutAct_9fa48("1925") ? true : (stryCov_9fa48("1925", "1926", "1927", "1928"), servers.length < 2)) {
      if (stryMutAct_9fa48("1929")) {
        {}
      } else {
        stryCov_9fa48("1929");
        return stryMutAct_9fa48("1930") ? [] : (stryCov_9fa48("1930"), [stryMutAct_9fa48("1931") ? `` : (stryCov_9fa48("1931"), `${servers.length} app server(s) tagged Role=${role}: at least 2 are needed`)]);
      }
    }
    // Stryker disable next-line ConditionalExpression: undefined < 2 is false as well
    return (stryMutAct_9fa48("1934") ? subnets !== undefined || subnets < 2 : (stryCov_9fa48("1934"), (stryMutAct_9fa48("1936") ? subnets === undefined : (stryCov_9fa48("1936"), subnets !== undefined)) && (stryMutAct_9fa48("1939") ? subnets >= 2 : stryMutAct_9fa48("1938") ? subnets <= 2 : (stryCov_9fa48("1938", "1939"), subnets < 2)))) ? stryMutAct_9fa48("1940") ? [] : (stryCov_9fa48("1940"), [stryMutAct_9fa48("1941") ? `` : (stryCov_9fa48("1941"), `the ${servers.length} app servers share one subnet (one availability zone)`)]) : stryMutAct_9fa48("1942") ? ["Stryker was here"] : (stryCov_9fa48("1942"), []);
  }
}
function databaseProblems(resources: PolicyResource[]): string[] {
  if (stryMutAct_9fa48("1943")) {
    {}
  } else {
    stryCov_9fa48("1943");
    const out: string[] = stryMutAct_9fa48("1944") ? ["Stryker was here"] : (stryCov_9fa48("1944"), []);
    for (const cluster of stryMutAct_9fa48("1945") ? resources : (stryCov_9fa48("1945"), resources.filter(stryMutAct_9fa48("1946") ? () => undefined : (stryCov_9fa48("1946"), r => r.isType(aws.rds.Cluster))))) {
      if (stryMutAct_9fa48("1947")) {
        {}
      } else {
        stryCov_9fa48("1947");
        const ids = stryMutAct_9fa48("1948") ? [] : (stryCov_9fa48("1948"), [propsOf(cluster).clusterIdentifier, propsOf(cluster).id]);
        const members = stryMutAct_9fa48("1949") ? resources : (stryCov_9fa48("1949"), resources.filter(stryMutAct_9fa48("1950") ? () => undefined : (stryCov_9fa48("1950"), r => stryMutAct_9fa48("1953") ? r.isType(aws.rds.ClusterInstance) || refersTo(r, "clusterIdentifier", cluster, ids) !== false : stryMutAct_9fa48("1952") ? false : stryMutAct_9fa48("1951") ? true : (stryCov_9fa48("1951", "1952", "1953"), r.isType(aws.rds.ClusterInstance) && (stryMutAct_9fa48("1955") ? refersTo(r, "clusterIdentifier", cluster, ids) === false : stryMutAct_9fa48("1954") ? true : (stryCov_9fa48("1954", "1955"), refersTo(r, stryMutAct_9fa48("1956") ? "" : (stryCov_9fa48("1956"), "clusterIdentifier"), cluster, ids) !== (stryMutAct_9fa48("1957") ? true : (stryCov_9fa48("1957"), false))))))));
        // Instances without an availability zone count as one zone: RDS may place them together.
        const zones = distinct(members.map(stryMutAct_9fa48("1958") ? () => undefined : (stryCov_9fa48("1958"), m => propsOf(m).availabilityZone)));
        if (stryMutAct_9fa48("1962") ? members.length >= 2 : stryMutAct_9fa48("1961") ? members.length <= 2 : stryMutAct_9fa48("1960") ? false : stryMutAct_9fa48("1959") ? true : (stryCov_9fa48("1959", "1960", "1961", "1962"), members.length < 2)) {
          if (stryMutAct_9fa48("1963")) {
            {}
          } else {
            stryCov_9fa48("1963");
            out.push(stryMutAct_9fa48("1965") ? `` : (stryCov_9fa48("1965"), `database cluster ${cluster.name} has ${members.length} instance(s): a reader in another availability zone is needed`));
            continue;
          }
        }
        // Stryker disable next-line ConditionalExpression: undefined < 2 is false as well
        if (stryMutAct_9fa48("1968") ? zones !== undefined || zones < 2 : (stryCov_9fa48("1968"), (stryMutAct_9fa48("1970") ? zones === undefined : (stryCov_9fa48("1970"), zones !== undefined)) && (stryMutAct_9fa48("1973") ? zones >= 2 : stryMutAct_9fa48("1972") ? zones <= 2 : (stryCov_9fa48("1972", "1973"), zones < 2)))) {
          if (stryMutAct_9fa48("1974")) {
            {}
          } else {
            stryCov_9fa48("1974");
            out.push(stryMutAct_9fa48("1976") ? `` : (stryCov_9fa48("1976"), `the instances of database cluster ${cluster.name} are all in one availability zone`));
          }
        }
      }
    }
    return out;
  }
}
function cacheProblems(resources: PolicyResource[]): string[] {
  if (stryMutAct_9fa48("1977")) {
    {}
  } else {
    stryCov_9fa48("1977");
    const out: string[] = stryMutAct_9fa48("1978") ? ["Stryker was here"] : (stryCov_9fa48("1978"), []);
    // Stryker disable next-line MethodExpression: other resources carry none of the properties read here
    for (const group of resources.filter(stryMutAct_9fa48("1980") ? () => undefined : (stryCov_9fa48("1980"), r => r.isType(aws.elasticache.ReplicationGroup)))) {
      if (stryMutAct_9fa48("1981")) {
        {}
      } else {
        stryCov_9fa48("1981");
        const p = propsOf(group);
        const nodes = (stryMutAct_9fa48("1984") ? typeof p.numCacheClusters !== "number" : stryMutAct_9fa48("1983") ? false : stryMutAct_9fa48("1982") ? true : (stryCov_9fa48("1982", "1983", "1984"), typeof p.numCacheClusters === (stryMutAct_9fa48("1985") ? "" : (stryCov_9fa48("1985"), "number")))) ? p.numCacheClusters :
        // Stryker disable next-line ConditionalExpression: undefined + 1 is NaN, and NaN < 2 is false
        (stryMutAct_9fa48("1988") ? typeof p.replicasPerNodeGroup !== "number" : (stryCov_9fa48("1988"), typeof p.replicasPerNodeGroup === (stryMutAct_9fa48("1989") ? "" : (stryCov_9fa48("1989"), "number")))) ? stryMutAct_9fa48("1990") ? p.replicasPerNodeGroup - 1 : (stryCov_9fa48("1990"), p.replicasPerNodeGroup + 1) : undefined;
        // Stryker disable next-line ConditionalExpression: undefined < 2 is false as well
        if (stryMutAct_9fa48("1993") ? (p.automaticFailoverEnabled === false || p.multiAzEnabled === false) && nodes !== undefined && nodes < 2 : (stryCov_9fa48("1993"), (stryMutAct_9fa48("1995") ? p.automaticFailoverEnabled === false && p.multiAzEnabled === false : (stryCov_9fa48("1995"), (stryMutAct_9fa48("1997") ? p.automaticFailoverEnabled !== false : (stryCov_9fa48("1997"), p.automaticFailoverEnabled === (stryMutAct_9fa48("1998") ? true : (stryCov_9fa48("1998"), false)))) || (stryMutAct_9fa48("2000") ? p.multiAzEnabled !== false : (stryCov_9fa48("2000"), p.multiAzEnabled === (stryMutAct_9fa48("2001") ? true : (stryCov_9fa48("2001"), false)))))) || (stryMutAct_9fa48("2003") ? nodes !== undefined || nodes < 2 : (stryCov_9fa48("2003"), (stryMutAct_9fa48("2005") ? nodes === undefined : (stryCov_9fa48("2005"), nodes !== undefined)) && (stryMutAct_9fa48("2008") ? nodes >= 2 : stryMutAct_9fa48("2007") ? nodes <= 2 : (stryCov_9fa48("2007", "2008"), nodes < 2)))))) {
          if (stryMutAct_9fa48("2009")) {
            {}
          } else {
            stryCov_9fa48("2009");
            out.push(stryMutAct_9fa48("2011") ? `` : (stryCov_9fa48("2011"), `cache ${group.name} has no automatic failover over 2 availability zones (automaticFailoverEnabled, multiAzEnabled, at least 2 nodes)`));
          }
        }
      }
    }
    return out;
  }
}
function loadBalancerProblems(resources: PolicyResource[]): string[] {
  if (stryMutAct_9fa48("2012")) {
    {}
  } else {
    stryCov_9fa48("2012");
    const out: string[] = stryMutAct_9fa48("2013") ? ["Stryker was here"] : (stryCov_9fa48("2013"), []);
    for (const tg of stryMutAct_9fa48("2014") ? resources : (stryCov_9fa48("2014"), resources.filter(stryMutAct_9fa48("2015") ? () => undefined : (stryCov_9fa48("2015"), r => stryMutAct_9fa48("2018") ? r.isType(aws.lb.TargetGroup) && r.isType(aws.alb.TargetGroup) : stryMutAct_9fa48("2017") ? false : stryMutAct_9fa48("2016") ? true : (stryCov_9fa48("2016", "2017", "2018"), r.isType(aws.lb.TargetGroup) || r.isType(aws.alb.TargetGroup)))))) {
      if (stryMutAct_9fa48("2019")) {
        {}
      } else {
        stryCov_9fa48("2019");
        const ids = stryMutAct_9fa48("2020") ? [] : (stryCov_9fa48("2020"), [propsOf(tg).arn, propsOf(tg).id]);
        const targets = stryMutAct_9fa48("2021") ? resources : (stryCov_9fa48("2021"), resources.filter(stryMutAct_9fa48("2022") ? () => undefined : (stryCov_9fa48("2022"), r =>
        // Stryker disable next-line ConditionalExpression,LogicalOperator: no other resource type has a top-level targetGroupArn, which refersTo reads
        (r.isType(aws.lb.TargetGroupAttachment) || r.isType(aws.alb.TargetGroupAttachment)) && (stryMutAct_9fa48("2029") ? refersTo(r, "targetGroupArn", tg, ids) !== true : stryMutAct_9fa48("2028") ? true : (stryCov_9fa48("2028", "2029"), refersTo(r, stryMutAct_9fa48("2030") ? "" : (stryCov_9fa48("2030"), "targetGroupArn"), tg, ids) === (stryMutAct_9fa48("2031") ? false : (stryCov_9fa48("2031"), true)))))));
        if (stryMutAct_9fa48("2035") ? targets.length >= 2 : stryMutAct_9fa48("2034") ? targets.length <= 2 : stryMutAct_9fa48("2033") ? false : stryMutAct_9fa48("2032") ? true : (stryCov_9fa48("2032", "2033", "2034", "2035"), targets.length < 2)) {
          if (stryMutAct_9fa48("2036")) {
            {}
          } else {
            stryCov_9fa48("2036");
            out.push(stryMutAct_9fa48("2038") ? `` : (stryCov_9fa48("2038"), `target group ${tg.name} has ${targets.length} target(s): at least 2 are needed`));
          }
        }
      }
    }
    return out;
  }
}
export const highAvailability: StackValidationPolicy = stryMutAct_9fa48("2039") ? {} : (stryCov_9fa48("2039"), {
  name: stryMutAct_9fa48("2040") ? "" : (stryCov_9fa48("2040"), "high-availability"),
  description: (stryMutAct_9fa48("2041") ? "" : (stryCov_9fa48("2041"), "Where the stack's policy config sets requireHighAvailability: at least 2 app servers (EC2 tagged Role=<appServerRoleTag>) ")) + (stryMutAct_9fa48("2042") ? "" : (stryCov_9fa48("2042"), "in 2 subnets, every Aurora cluster with a second instance in another availability zone, every ElastiCache replication ")) + (stryMutAct_9fa48("2043") ? "" : (stryCov_9fa48("2043"), "group with automatic failover over 2 availability zones, and at least 2 targets in every load-balancer target group.")),
  enforcementLevel: stryMutAct_9fa48("2044") ? "" : (stryCov_9fa48("2044"), "mandatory"),
  severity: stryMutAct_9fa48("2045") ? "" : (stryCov_9fa48("2045"), "high"),
  remediationSteps: (stryMutAct_9fa48("2046") ? "" : (stryCov_9fa48("2046"), "In the stack file: hms:appCount >= 2, hms:databaseInstances >= 2 (or the equivalent reader count), hms:cacheNodes >= 2 ")) + (stryMutAct_9fa48("2047") ? "" : (stryCov_9fa48("2047"), "and one Nginx instance per availability zone; the components spread them over the subnets and zones.")),
  configSchema: stryMutAct_9fa48("2048") ? {} : (stryCov_9fa48("2048"), {
    properties: stryMutAct_9fa48("2049") ? {} : (stryCov_9fa48("2049"), {
      requireHighAvailability: stryMutAct_9fa48("2050") ? {} : (stryCov_9fa48("2050"), {
        type: stryMutAct_9fa48("2051") ? "" : (stryCov_9fa48("2051"), "boolean"),
        default: stryMutAct_9fa48("2052") ? true : (stryCov_9fa48("2052"), false),
        description: stryMutAct_9fa48("2053") ? "" : (stryCov_9fa48("2053"), "Whether this stack promises high availability (production).")
      }),
      appServerRoleTag: stryMutAct_9fa48("2054") ? {} : (stryCov_9fa48("2054"), {
        type: stryMutAct_9fa48("2055") ? "" : (stryCov_9fa48("2055"), "string"),
        default: stryMutAct_9fa48("2056") ? "" : (stryCov_9fa48("2056"), "wordpress"),
        description: stryMutAct_9fa48("2057") ? "" : (stryCov_9fa48("2057"), "Role tag of the app servers.")
      })
    })
  }),
  ...compliance(stryMutAct_9fa48("2058") ? "" : (stryCov_9fa48("2058"), "164.308(a)(7)(ii)(B)"), stryMutAct_9fa48("2059") ? [] : (stryCov_9fa48("2059"), [stryMutAct_9fa48("2060") ? "" : (stryCov_9fa48("2060"), "availability"), stryMutAct_9fa48("2061") ? "" : (stryCov_9fa48("2061"), "ec2"), stryMutAct_9fa48("2062") ? "" : (stryCov_9fa48("2062"), "rds"), stryMutAct_9fa48("2063") ? "" : (stryCov_9fa48("2063"), "elasticache"), stryMutAct_9fa48("2064") ? "" : (stryCov_9fa48("2064"), "elb")]), stryMutAct_9fa48("2065") ? [] : (stryCov_9fa48("2065"), [stryMutAct_9fa48("2066") ? "" : (stryCov_9fa48("2066"), "164.312(a)(1)")])),
  validateStack: (args, report) => {
    if (stryMutAct_9fa48("2067")) {
      {}
    } else {
      stryCov_9fa48("2067");
      const config = configWithDefaults<HighAvailabilityConfig>(highAvailability.configSchema!, args.getConfig<HighAvailabilityConfig>());
      if (stryMutAct_9fa48("2070") ? false : stryMutAct_9fa48("2069") ? true : stryMutAct_9fa48("2068") ? config.requireHighAvailability : (stryCov_9fa48("2068", "2069", "2070"), !config.requireHighAvailability)) {
        if (stryMutAct_9fa48("2071")) {
          {}
        } else {
          stryCov_9fa48("2071");
          args.notApplicable(stryMutAct_9fa48("2073") ? "" : (stryCov_9fa48("2073"), "requireHighAvailability is false for this stack"));
        }
      }
      const problems = stryMutAct_9fa48("2074") ? [] : (stryCov_9fa48("2074"), [...appServerProblems(args.resources, config.appServerRoleTag), ...databaseProblems(args.resources), ...cacheProblems(args.resources), ...loadBalancerProblems(args.resources)]);
      for (const p of problems) {
        if (stryMutAct_9fa48("2075")) {
          {}
        } else {
          stryCov_9fa48("2075");
          report(stryMutAct_9fa48("2077") ? `` : (stryCov_9fa48("2077"), `${p}; the stack asks for high availability.`));
        }
      }
    }
  }
});