// @ts-nocheck
// 
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
  if (stryMutAct_9fa48("1905")) {
    {}
  } else {
    stryCov_9fa48("1905");
    if (stryMutAct_9fa48("1908") ? values.every(v => isUnknown(v)) : stryMutAct_9fa48("1907") ? false : stryMutAct_9fa48("1906") ? true : (stryCov_9fa48("1906", "1907", "1908"), values.some(stryMutAct_9fa48("1909") ? () => undefined : (stryCov_9fa48("1909"), v => isUnknown(v))))) {
      if (stryMutAct_9fa48("1910")) {
        {}
      } else {
        stryCov_9fa48("1910");
        return undefined;
      }
    }
    // Stryker disable next-line StringLiteral: any one stand-in for "not given" counts the same
    return new Set(values.map(stryMutAct_9fa48("1911") ? () => undefined : (stryCov_9fa48("1911"), v => stryMutAct_9fa48("1912") ? knownString(v) && "" : (stryCov_9fa48("1912"), knownString(v) ?? "")))).size;
  }
}
function appServerProblems(resources: PolicyResource[], role: string): string[] {
  if (stryMutAct_9fa48("1914")) {
    {}
  } else {
    stryCov_9fa48("1914");
    const servers = stryMutAct_9fa48("1915") ? resources : (stryCov_9fa48("1915"), resources.filter(stryMutAct_9fa48("1916") ? () => undefined : (stryCov_9fa48("1916"), r => stryMutAct_9fa48("1919") ? r.isType(aws.ec2.Instance) || tagValue(r, "Role") === role : stryMutAct_9fa48("1918") ? false : stryMutAct_9fa48("1917") ? true : (stryCov_9fa48("1917", "1918", "1919"), r.isType(aws.ec2.Instance) && (stryMutAct_9fa48("1921") ? tagValue(r, "Role") !== role : stryMutAct_9fa48("1920") ? true : (stryCov_9fa48("1920", "1921"), tagValue(r, stryMutAct_9fa48("1922") ? "" : (stryCov_9fa48("1922"), "Role")) === role))))));
    const subnets = distinct(servers.map(stryMutAct_9fa48("1923") ? () => undefined : (stryCov_9fa48("1923"), s => propsOf(s).subnetId)));
    if (stryMutAct_9fa48("1927") ? servers.length >= 2 : stryMutAct_9fa48("1926") ? servers.length <= 2 : stryMutAct_9fa48("1925") ? false : stryMutAct_9fa48("1924") ? true : (stryCov_9fa48("1924", "1925", "1926", "1927"), servers.length < 2)) {
      if (stryMutAct_9fa48("1928")) {
        {}
      } else {
        stryCov_9fa48("1928");
        return stryMutAct_9fa48("1929") ? [] : (stryCov_9fa48("1929"), [stryMutAct_9fa48("1930") ? `` : (stryCov_9fa48("1930"), `${servers.length} app server(s) tagged Role=${role}: at least 2 are needed`)]);
      }
    }
    // Stryker disable next-line ConditionalExpression: undefined < 2 is false as well
    return (stryMutAct_9fa48("1933") ? subnets !== undefined || subnets < 2 : (stryCov_9fa48("1933"), (stryMutAct_9fa48("1935") ? subnets === undefined : (stryCov_9fa48("1935"), subnets !== undefined)) && (stryMutAct_9fa48("1938") ? subnets >= 2 : stryMutAct_9fa48("1937") ? subnets <= 2 : (stryCov_9fa48("1937", "1938"), subnets < 2)))) ? stryMutAct_9fa48("1939") ? [] : (stryCov_9fa48("1939"), [stryMutAct_9fa48("1940") ? `` : (stryCov_9fa48("1940"), `the ${servers.length} app servers share one subnet (one availability zone)`)]) : stryMutAct_9fa48("1941") ? ["Stryker was here"] : (stryCov_9fa48("1941"), []);
  }
}
function databaseProblems(resources: PolicyResource[]): string[] {
  if (stryMutAct_9fa48("1942")) {
    {}
  } else {
    stryCov_9fa48("1942");
    const out: string[] = stryMutAct_9fa48("1943") ? ["Stryker was here"] : (stryCov_9fa48("1943"), []);
    for (const cluster of stryMutAct_9fa48("1944") ? resources : (stryCov_9fa48("1944"), resources.filter(stryMutAct_9fa48("1945") ? () => undefined : (stryCov_9fa48("1945"), r => r.isType(aws.rds.Cluster))))) {
      if (stryMutAct_9fa48("1946")) {
        {}
      } else {
        stryCov_9fa48("1946");
        const ids = stryMutAct_9fa48("1947") ? [] : (stryCov_9fa48("1947"), [propsOf(cluster).clusterIdentifier, propsOf(cluster).id]);
        const members = stryMutAct_9fa48("1948") ? resources : (stryCov_9fa48("1948"), resources.filter(stryMutAct_9fa48("1949") ? () => undefined : (stryCov_9fa48("1949"), r => stryMutAct_9fa48("1952") ? r.isType(aws.rds.ClusterInstance) || refersTo(r, "clusterIdentifier", cluster, ids) !== false : stryMutAct_9fa48("1951") ? false : stryMutAct_9fa48("1950") ? true : (stryCov_9fa48("1950", "1951", "1952"), r.isType(aws.rds.ClusterInstance) && (stryMutAct_9fa48("1954") ? refersTo(r, "clusterIdentifier", cluster, ids) === false : stryMutAct_9fa48("1953") ? true : (stryCov_9fa48("1953", "1954"), refersTo(r, stryMutAct_9fa48("1955") ? "" : (stryCov_9fa48("1955"), "clusterIdentifier"), cluster, ids) !== (stryMutAct_9fa48("1956") ? true : (stryCov_9fa48("1956"), false))))))));
        // Instances without an availability zone count as one zone: RDS may place them together.
        const zones = distinct(members.map(stryMutAct_9fa48("1957") ? () => undefined : (stryCov_9fa48("1957"), m => propsOf(m).availabilityZone)));
        if (stryMutAct_9fa48("1961") ? members.length >= 2 : stryMutAct_9fa48("1960") ? members.length <= 2 : stryMutAct_9fa48("1959") ? false : stryMutAct_9fa48("1958") ? true : (stryCov_9fa48("1958", "1959", "1960", "1961"), members.length < 2)) {
          if (stryMutAct_9fa48("1962")) {
            {}
          } else {
            stryCov_9fa48("1962");
            out.push(stryMutAct_9fa48("1964") ? `` : (stryCov_9fa48("1964"), `database cluster ${cluster.name} has ${members.length} instance(s): a reader in another availability zone is needed`));
            continue;
          }
        }
        // Stryker disable next-line ConditionalExpression: undefined < 2 is false as well
        if (stryMutAct_9fa48("1967") ? zones !== undefined || zones < 2 : (stryCov_9fa48("1967"), (stryMutAct_9fa48("1969") ? zones === undefined : (stryCov_9fa48("1969"), zones !== undefined)) && (stryMutAct_9fa48("1972") ? zones >= 2 : stryMutAct_9fa48("1971") ? zones <= 2 : (stryCov_9fa48("1971", "1972"), zones < 2)))) {
          if (stryMutAct_9fa48("1973")) {
            {}
          } else {
            stryCov_9fa48("1973");
            out.push(stryMutAct_9fa48("1975") ? `` : (stryCov_9fa48("1975"), `the instances of database cluster ${cluster.name} are all in one availability zone`));
          }
        }
      }
    }
    return out;
  }
}
function cacheProblems(resources: PolicyResource[]): string[] {
  if (stryMutAct_9fa48("1976")) {
    {}
  } else {
    stryCov_9fa48("1976");
    const out: string[] = stryMutAct_9fa48("1977") ? ["Stryker was here"] : (stryCov_9fa48("1977"), []);
    // Stryker disable next-line MethodExpression: other resources carry none of the properties read here
    for (const group of resources.filter(stryMutAct_9fa48("1979") ? () => undefined : (stryCov_9fa48("1979"), r => r.isType(aws.elasticache.ReplicationGroup)))) {
      if (stryMutAct_9fa48("1980")) {
        {}
      } else {
        stryCov_9fa48("1980");
        const p = propsOf(group);
        const nodes = (stryMutAct_9fa48("1983") ? typeof p.numCacheClusters !== "number" : stryMutAct_9fa48("1982") ? false : stryMutAct_9fa48("1981") ? true : (stryCov_9fa48("1981", "1982", "1983"), typeof p.numCacheClusters === (stryMutAct_9fa48("1984") ? "" : (stryCov_9fa48("1984"), "number")))) ? p.numCacheClusters :
        // Stryker disable next-line ConditionalExpression: undefined + 1 is NaN, and NaN < 2 is false
        (stryMutAct_9fa48("1987") ? typeof p.replicasPerNodeGroup !== "number" : (stryCov_9fa48("1987"), typeof p.replicasPerNodeGroup === (stryMutAct_9fa48("1988") ? "" : (stryCov_9fa48("1988"), "number")))) ? stryMutAct_9fa48("1989") ? p.replicasPerNodeGroup - 1 : (stryCov_9fa48("1989"), p.replicasPerNodeGroup + 1) : undefined;
        // Stryker disable next-line ConditionalExpression: undefined < 2 is false as well
        if (stryMutAct_9fa48("1992") ? (p.automaticFailoverEnabled === false || p.multiAzEnabled === false) && nodes !== undefined && nodes < 2 : (stryCov_9fa48("1992"), (stryMutAct_9fa48("1994") ? p.automaticFailoverEnabled === false && p.multiAzEnabled === false : (stryCov_9fa48("1994"), (stryMutAct_9fa48("1996") ? p.automaticFailoverEnabled !== false : (stryCov_9fa48("1996"), p.automaticFailoverEnabled === (stryMutAct_9fa48("1997") ? true : (stryCov_9fa48("1997"), false)))) || (stryMutAct_9fa48("1999") ? p.multiAzEnabled !== false : (stryCov_9fa48("1999"), p.multiAzEnabled === (stryMutAct_9fa48("2000") ? true : (stryCov_9fa48("2000"), false)))))) || (stryMutAct_9fa48("2002") ? nodes !== undefined || nodes < 2 : (stryCov_9fa48("2002"), (stryMutAct_9fa48("2004") ? nodes === undefined : (stryCov_9fa48("2004"), nodes !== undefined)) && (stryMutAct_9fa48("2007") ? nodes >= 2 : stryMutAct_9fa48("2006") ? nodes <= 2 : (stryCov_9fa48("2006", "2007"), nodes < 2)))))) {
          if (stryMutAct_9fa48("2008")) {
            {}
          } else {
            stryCov_9fa48("2008");
            out.push(stryMutAct_9fa48("2010") ? `` : (stryCov_9fa48("2010"), `cache ${group.name} has no automatic failover over 2 availability zones (automaticFailoverEnabled, multiAzEnabled, at least 2 nodes)`));
          }
        }
      }
    }
    return out;
  }
}
function loadBalancerProblems(resources: PolicyResource[]): string[] {
  if (stryMutAct_9fa48("2011")) {
    {}
  } else {
    stryCov_9fa48("2011");
    const out: string[] = stryMutAct_9fa48("2012") ? ["Stryker was here"] : (stryCov_9fa48("2012"), []);
    for (const tg of stryMutAct_9fa48("2013") ? resources : (stryCov_9fa48("2013"), resources.filter(stryMutAct_9fa48("2014") ? () => undefined : (stryCov_9fa48("2014"), r => stryMutAct_9fa48("2017") ? r.isType(aws.lb.TargetGroup) && r.isType(aws.alb.TargetGroup) : stryMutAct_9fa48("2016") ? false : stryMutAct_9fa48("2015") ? true : (stryCov_9fa48("2015", "2016", "2017"), r.isType(aws.lb.TargetGroup) || r.isType(aws.alb.TargetGroup)))))) {
      if (stryMutAct_9fa48("2018")) {
        {}
      } else {
        stryCov_9fa48("2018");
        const ids = stryMutAct_9fa48("2019") ? [] : (stryCov_9fa48("2019"), [propsOf(tg).arn, propsOf(tg).id]);
        const targets = stryMutAct_9fa48("2020") ? resources : (stryCov_9fa48("2020"), resources.filter(stryMutAct_9fa48("2021") ? () => undefined : (stryCov_9fa48("2021"), r =>
        // Stryker disable next-line ConditionalExpression,LogicalOperator: no other resource type has a top-level targetGroupArn, which refersTo reads
        (r.isType(aws.lb.TargetGroupAttachment) || r.isType(aws.alb.TargetGroupAttachment)) && (stryMutAct_9fa48("2028") ? refersTo(r, "targetGroupArn", tg, ids) !== true : stryMutAct_9fa48("2027") ? true : (stryCov_9fa48("2027", "2028"), refersTo(r, stryMutAct_9fa48("2029") ? "" : (stryCov_9fa48("2029"), "targetGroupArn"), tg, ids) === (stryMutAct_9fa48("2030") ? false : (stryCov_9fa48("2030"), true)))))));
        if (stryMutAct_9fa48("2034") ? targets.length >= 2 : stryMutAct_9fa48("2033") ? targets.length <= 2 : stryMutAct_9fa48("2032") ? false : stryMutAct_9fa48("2031") ? true : (stryCov_9fa48("2031", "2032", "2033", "2034"), targets.length < 2)) {
          if (stryMutAct_9fa48("2035")) {
            {}
          } else {
            stryCov_9fa48("2035");
            out.push(stryMutAct_9fa48("2037") ? `` : (stryCov_9fa48("2037"), `target group ${tg.name} has ${targets.length} target(s): at least 2 are needed`));
          }
        }
      }
    }
    return out;
  }
}
export const highAvailability: StackValidationPolicy = stryMutAct_9fa48("2038") ? {} : (stryCov_9fa48("2038"), {
  name: stryMutAct_9fa48("2039") ? "" : (stryCov_9fa48("2039"), "high-availability"),
  description: (stryMutAct_9fa48("2040") ? "" : (stryCov_9fa48("2040"), "Where the stack's policy config sets requireHighAvailability: at least 2 app servers (EC2 tagged Role=<appServerRoleTag>) ")) + (stryMutAct_9fa48("2041") ? "" : (stryCov_9fa48("2041"), "in 2 subnets, every Aurora cluster with a second instance in another availability zone, every ElastiCache replication ")) + (stryMutAct_9fa48("2042") ? "" : (stryCov_9fa48("2042"), "group with automatic failover over 2 availability zones, and at least 2 targets in every load-balancer target group.")),
  enforcementLevel: stryMutAct_9fa48("2043") ? "" : (stryCov_9fa48("2043"), "mandatory"),
  severity: stryMutAct_9fa48("2044") ? "" : (stryCov_9fa48("2044"), "high"),
  remediationSteps: (stryMutAct_9fa48("2045") ? "" : (stryCov_9fa48("2045"), "In the stack file: hms:appCount >= 2, hms:databaseInstances >= 2 (or the equivalent reader count), hms:cacheNodes >= 2 ")) + (stryMutAct_9fa48("2046") ? "" : (stryCov_9fa48("2046"), "and one Nginx instance per availability zone; the components spread them over the subnets and zones.")),
  configSchema: stryMutAct_9fa48("2047") ? {} : (stryCov_9fa48("2047"), {
    properties: stryMutAct_9fa48("2048") ? {} : (stryCov_9fa48("2048"), {
      requireHighAvailability: stryMutAct_9fa48("2049") ? {} : (stryCov_9fa48("2049"), {
        type: stryMutAct_9fa48("2050") ? "" : (stryCov_9fa48("2050"), "boolean"),
        default: stryMutAct_9fa48("2051") ? true : (stryCov_9fa48("2051"), false),
        description: stryMutAct_9fa48("2052") ? "" : (stryCov_9fa48("2052"), "Whether this stack promises high availability (production).")
      }),
      appServerRoleTag: stryMutAct_9fa48("2053") ? {} : (stryCov_9fa48("2053"), {
        type: stryMutAct_9fa48("2054") ? "" : (stryCov_9fa48("2054"), "string"),
        default: stryMutAct_9fa48("2055") ? "" : (stryCov_9fa48("2055"), "wordpress"),
        description: stryMutAct_9fa48("2056") ? "" : (stryCov_9fa48("2056"), "Role tag of the app servers.")
      })
    })
  }),
  ...compliance(stryMutAct_9fa48("2057") ? "" : (stryCov_9fa48("2057"), "164.308(a)(7)(ii)(B)"), stryMutAct_9fa48("2058") ? [] : (stryCov_9fa48("2058"), [stryMutAct_9fa48("2059") ? "" : (stryCov_9fa48("2059"), "availability"), stryMutAct_9fa48("2060") ? "" : (stryCov_9fa48("2060"), "ec2"), stryMutAct_9fa48("2061") ? "" : (stryCov_9fa48("2061"), "rds"), stryMutAct_9fa48("2062") ? "" : (stryCov_9fa48("2062"), "elasticache"), stryMutAct_9fa48("2063") ? "" : (stryCov_9fa48("2063"), "elb")]), stryMutAct_9fa48("2064") ? [] : (stryCov_9fa48("2064"), [stryMutAct_9fa48("2065") ? "" : (stryCov_9fa48("2065"), "164.312(a)(1)")])),
  validateStack: (args, report) => {
    if (stryMutAct_9fa48("2066")) {
      {}
    } else {
      stryCov_9fa48("2066");
      const config = configWithDefaults<HighAvailabilityConfig>(highAvailability.configSchema!, args.getConfig<HighAvailabilityConfig>());
      if (stryMutAct_9fa48("2069") ? false : stryMutAct_9fa48("2068") ? true : stryMutAct_9fa48("2067") ? config.requireHighAvailability : (stryCov_9fa48("2067", "2068", "2069"), !config.requireHighAvailability)) {
        if (stryMutAct_9fa48("2070")) {
          {}
        } else {
          stryCov_9fa48("2070");
          args.notApplicable(stryMutAct_9fa48("2072") ? "" : (stryCov_9fa48("2072"), "requireHighAvailability is false for this stack"));
        }
      }
      const problems = stryMutAct_9fa48("2073") ? [] : (stryCov_9fa48("2073"), [...appServerProblems(args.resources, config.appServerRoleTag), ...databaseProblems(args.resources), ...cacheProblems(args.resources), ...loadBalancerProblems(args.resources)]);
      for (const p of problems) {
        if (stryMutAct_9fa48("2074")) {
          {}
        } else {
          stryCov_9fa48("2074");
          report(stryMutAct_9fa48("2076") ? `` : (stryCov_9fa48("2076"), `${p}; the stack asks for high availability.`));
        }
      }
    }
  }
});