// @ts-nocheck
// Security group ingress from the internet, whichever resource declares it:
// inline `ingress` blocks of aws.ec2.SecurityGroup, aws.ec2.SecurityGroupRule
// (type "ingress") and aws.vpc.SecurityGroupIngressRule.
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
import { ReportViolation, ResourceValidationArgs, ResourceValidationPolicy } from "@pulumi/policy";
import { ResourceClass } from "./validate";
import { asArray, isUnknown, plain, Tri } from "./values";

/** One ingress permission in a common shape; any field may hold an unknown sentinel. */
export interface Ingress {
  protocol: unknown;
  fromPort: unknown;
  toPort: unknown;
  /** IPv4 and IPv6 source ranges (unknown sentinels kept; an unknown list is one unknown source). */
  sources: unknown[];
  label: string;
}
const WORLD = new Set(stryMutAct_9fa48("2133") ? [] : (stryCov_9fa48("2133"), [stryMutAct_9fa48("2134") ? "" : (stryCov_9fa48("2134"), "0.0.0.0/0"), stryMutAct_9fa48("2135") ? "" : (stryCov_9fa48("2135"), "::/0")]));
const ALL_PROTOCOLS = new Set(stryMutAct_9fa48("2136") ? [] : (stryCov_9fa48("2136"), [stryMutAct_9fa48("2137") ? "" : (stryCov_9fa48("2137"), "-1"), stryMutAct_9fa48("2138") ? "" : (stryCov_9fa48("2138"), "all")]));
const PORT_PROTOCOLS = new Set(stryMutAct_9fa48("2139") ? [] : (stryCov_9fa48("2139"), [stryMutAct_9fa48("2140") ? "" : (stryCov_9fa48("2140"), "tcp"), stryMutAct_9fa48("2141") ? "" : (stryCov_9fa48("2141"), "6"), stryMutAct_9fa48("2142") ? "" : (stryCov_9fa48("2142"), "udp"), stryMutAct_9fa48("2143") ? "" : (stryCov_9fa48("2143"), "17")]));

/**
 * The ingress permissions a resource declares (empty for other types and egress rules).
 * An unknown list (the sentinel) is one unknown permission, an unknown rule type none:
 * either way nothing can be told yet.
 */
export function ingressOf(args: ResourceValidationArgs): Ingress[] {
  if (stryMutAct_9fa48("2144")) {
    {}
  } else {
    stryCov_9fa48("2144");
    const sg = args.asType(aws.ec2.SecurityGroup);
    if (stryMutAct_9fa48("2146") ? false : stryMutAct_9fa48("2145") ? true : (stryCov_9fa48("2145", "2146"), sg)) {
      if (stryMutAct_9fa48("2147")) {
        {}
      } else {
        stryCov_9fa48("2147");
        const p = plain(sg);
        return asArray(p.ingress).map((raw, i) => {
          if (stryMutAct_9fa48("2148")) {
            {}
          } else {
            stryCov_9fa48("2148");
            const r = (isUnknown(raw) ? {} : raw) as aws.types.input.ec2.SecurityGroupIngress & {
              ipv6CidrBlocks?: string[];
            };
            return fromLists(isUnknown(raw) ? raw : r.protocol, r.fromPort, r.toPort, r.cidrBlocks, r.ipv6CidrBlocks, stryMutAct_9fa48("2149") ? `` : (stryCov_9fa48("2149"), `ingress[${i}]`));
          }
        });
      }
    }
    const rule = args.asType(aws.ec2.SecurityGroupRule);
    if (stryMutAct_9fa48("2151") ? false : stryMutAct_9fa48("2150") ? true : (stryCov_9fa48("2150", "2151"), rule)) {
      if (stryMutAct_9fa48("2152")) {
        {}
      } else {
        stryCov_9fa48("2152");
        const p = plain(rule);
        return (stryMutAct_9fa48("2155") ? p.type !== "ingress" : stryMutAct_9fa48("2154") ? false : stryMutAct_9fa48("2153") ? true : (stryCov_9fa48("2153", "2154", "2155"), p.type === (stryMutAct_9fa48("2156") ? "" : (stryCov_9fa48("2156"), "ingress")))) ? stryMutAct_9fa48("2157") ? [] : (stryCov_9fa48("2157"), [fromLists(p.protocol, p.fromPort, p.toPort, p.cidrBlocks, p.ipv6CidrBlocks, stryMutAct_9fa48("2158") ? "" : (stryCov_9fa48("2158"), "rule"))]) : stryMutAct_9fa48("2159") ? ["Stryker was here"] : (stryCov_9fa48("2159"), []);
      }
    }
    const vpcRule = args.asType(aws.vpc.SecurityGroupIngressRule);
    // Stryker disable next-line ConditionalExpression: other types never get here (notApplicable ends their validation)
    if (vpcRule) {
      if (stryMutAct_9fa48("2162")) {
        {}
      } else {
        stryCov_9fa48("2162");
        const p = plain(vpcRule);
        return stryMutAct_9fa48("2163") ? [] : (stryCov_9fa48("2163"), [stryMutAct_9fa48("2164") ? {} : (stryCov_9fa48("2164"), {
          protocol: p.ipProtocol,
          fromPort: p.fromPort,
          toPort: p.toPort,
          sources: stryMutAct_9fa48("2165") ? [] : (stryCov_9fa48("2165"), [p.cidrIpv4, p.cidrIpv6]),
          label: stryMutAct_9fa48("2166") ? "" : (stryCov_9fa48("2166"), "rule")
        })]);
      }
    }
    // Stryker disable next-line ArrayDeclaration: other types never get here (see above)
    return [];
  }
}
function fromLists(protocol: unknown, fromPort: unknown, toPort: unknown, v4: unknown, v6: unknown, label: string): Ingress {
  if (stryMutAct_9fa48("2168")) {
    {}
  } else {
    stryCov_9fa48("2168");
    return stryMutAct_9fa48("2169") ? {} : (stryCov_9fa48("2169"), {
      protocol,
      fromPort,
      toPort,
      sources: stryMutAct_9fa48("2170") ? [] : (stryCov_9fa48("2170"), [...asArray(v4), ...asArray(v6)]),
      label
    });
  }
}

/** Whether the permission admits any address on the internet (0.0.0.0/0 or ::/0). */
function fromWorld(rule: Ingress): Tri {
  if (stryMutAct_9fa48("2171")) {
    {}
  } else {
    stryCov_9fa48("2171");
    if (stryMutAct_9fa48("2174") ? rule.sources.every(s => WORLD.has(s as string)) : stryMutAct_9fa48("2173") ? false : stryMutAct_9fa48("2172") ? true : (stryCov_9fa48("2172", "2173", "2174"), rule.sources.some(stryMutAct_9fa48("2175") ? () => undefined : (stryCov_9fa48("2175"), s => WORLD.has(s as string))))) {
      if (stryMutAct_9fa48("2176")) {
        {}
      } else {
        stryCov_9fa48("2176");
        return stryMutAct_9fa48("2177") ? false : (stryCov_9fa48("2177"), true);
      }
    }
    // Stryker disable next-line MethodExpression: undefined and false both mean "not known to face the internet"
    return rule.sources.some(isUnknown) ? undefined : stryMutAct_9fa48("2179") ? true : (stryCov_9fa48("2179"), false);
  }
}

/** Which of `ports` the permission opens (undefined when protocol or ports are unknown). */
function portsOpened(rule: Ingress, ports: number[]): number[] | undefined {
  if (stryMutAct_9fa48("2180")) {
    {}
  } else {
    stryCov_9fa48("2180");
    // An unknown protocol (the sentinel) is none of the known ones: no port can be told.
    const protocol = stryMutAct_9fa48("2181") ? String(rule.protocol).toUpperCase() : (stryCov_9fa48("2181"), String(rule.protocol).toLowerCase());
    if (stryMutAct_9fa48("2183") ? false : stryMutAct_9fa48("2182") ? true : (stryCov_9fa48("2182", "2183"), ALL_PROTOCOLS.has(protocol))) {
      if (stryMutAct_9fa48("2184")) {
        {}
      } else {
        stryCov_9fa48("2184");
        return ports;
      }
    }
    if (stryMutAct_9fa48("2187") ? false : stryMutAct_9fa48("2186") ? true : stryMutAct_9fa48("2185") ? PORT_PROTOCOLS.has(protocol) : (stryCov_9fa48("2185", "2186", "2187"), !PORT_PROTOCOLS.has(protocol))) {
      if (stryMutAct_9fa48("2188")) {
        {}
      } else {
        stryCov_9fa48("2188");
        return stryMutAct_9fa48("2189") ? ["Stryker was here"] : (stryCov_9fa48("2189"), []); // icmp, esp, ...: no ports
      }
    }
    if (stryMutAct_9fa48("2192") ? isUnknown(rule.fromPort) && isUnknown(rule.toPort) : stryMutAct_9fa48("2191") ? false : stryMutAct_9fa48("2190") ? true : (stryCov_9fa48("2190", "2191", "2192"), isUnknown(rule.fromPort) || isUnknown(rule.toPort))) {
      if (stryMutAct_9fa48("2193")) {
        {}
      } else {
        stryCov_9fa48("2193");
        return undefined;
      }
    }
    const from = (stryMutAct_9fa48("2196") ? typeof rule.fromPort !== "number" : stryMutAct_9fa48("2195") ? false : stryMutAct_9fa48("2194") ? true : (stryCov_9fa48("2194", "2195", "2196"), typeof rule.fromPort === (stryMutAct_9fa48("2197") ? "" : (stryCov_9fa48("2197"), "number")))) ? rule.fromPort : 0;
    const to = (stryMutAct_9fa48("2200") ? typeof rule.toPort !== "number" : stryMutAct_9fa48("2199") ? false : stryMutAct_9fa48("2198") ? true : (stryCov_9fa48("2198", "2199", "2200"), typeof rule.toPort === (stryMutAct_9fa48("2201") ? "" : (stryCov_9fa48("2201"), "number")))) ? rule.toPort : 65535;
    // fromPort/toPort -1 with a port protocol means every port.
    if (stryMutAct_9fa48("2204") ? from === -1 && to === -1 : stryMutAct_9fa48("2203") ? false : stryMutAct_9fa48("2202") ? true : (stryCov_9fa48("2202", "2203", "2204"), (stryMutAct_9fa48("2206") ? from !== -1 : stryMutAct_9fa48("2205") ? false : (stryCov_9fa48("2205", "2206"), from === (stryMutAct_9fa48("2207") ? +1 : (stryCov_9fa48("2207"), -1)))) || (stryMutAct_9fa48("2209") ? to !== -1 : stryMutAct_9fa48("2208") ? false : (stryCov_9fa48("2208", "2209"), to === (stryMutAct_9fa48("2210") ? +1 : (stryCov_9fa48("2210"), -1)))))) {
      if (stryMutAct_9fa48("2211")) {
        {}
      } else {
        stryCov_9fa48("2211");
        return ports;
      }
    }
    return stryMutAct_9fa48("2212") ? ports : (stryCov_9fa48("2212"), ports.filter(stryMutAct_9fa48("2213") ? () => undefined : (stryCov_9fa48("2213"), port => stryMutAct_9fa48("2216") ? port >= from || port <= to : stryMutAct_9fa48("2215") ? false : stryMutAct_9fa48("2214") ? true : (stryCov_9fa48("2214", "2215", "2216"), (stryMutAct_9fa48("2219") ? port < from : stryMutAct_9fa48("2218") ? port > from : stryMutAct_9fa48("2217") ? true : (stryCov_9fa48("2217", "2218", "2219"), port >= from)) && (stryMutAct_9fa48("2222") ? port > to : stryMutAct_9fa48("2221") ? port < to : stryMutAct_9fa48("2220") ? true : (stryCov_9fa48("2220", "2221", "2222"), port <= to))))));
  }
}

/**
 * Builds a resource policy body that reports every ingress permission
 * opening one of `ports` to the internet. Unknown protocol, ports or sources
 * skip that permission (cannot tell yet).
 */
export function worldIngressValidator(ports: number[], explain: (ports: number[]) => string) {
  if (stryMutAct_9fa48("2223")) {
    {}
  } else {
    stryCov_9fa48("2223");
    const types: ResourceClass[] = stryMutAct_9fa48("2224") ? [] : (stryCov_9fa48("2224"), [aws.ec2.SecurityGroup, aws.ec2.SecurityGroupRule, aws.vpc.SecurityGroupIngressRule]);
    const validate: NonNullable<ResourceValidationPolicy["validateResource"]> = (args: ResourceValidationArgs, report: ReportViolation) => {
      if (stryMutAct_9fa48("2225")) {
        {}
      } else {
        stryCov_9fa48("2225");
        if (stryMutAct_9fa48("2228") ? false : stryMutAct_9fa48("2227") ? true : stryMutAct_9fa48("2226") ? types.some(t => args.isType(t)) : (stryCov_9fa48("2226", "2227", "2228"), !(stryMutAct_9fa48("2229") ? types.every(t => args.isType(t)) : (stryCov_9fa48("2229"), types.some(stryMutAct_9fa48("2230") ? () => undefined : (stryCov_9fa48("2230"), t => args.isType(t))))))) {
          if (stryMutAct_9fa48("2231")) {
            {}
          } else {
            stryCov_9fa48("2231");
            args.notApplicable(stryMutAct_9fa48("2233") ? "" : (stryCov_9fa48("2233"), "Policy only applies to security groups and their ingress rules"));
          }
        }
        for (const rule of ingressOf(args)) {
          if (stryMutAct_9fa48("2234")) {
            {}
          } else {
            stryCov_9fa48("2234");
            const world = fromWorld(rule);
            const opened = portsOpened(rule, ports);
            if (stryMutAct_9fa48("2237") ? world === true && opened !== undefined || opened.length > 0 : stryMutAct_9fa48("2236") ? false : stryMutAct_9fa48("2235") ? true : (stryCov_9fa48("2235", "2236", "2237"), (stryMutAct_9fa48("2239") ? world === true || opened !== undefined : stryMutAct_9fa48("2238") ? true : (stryCov_9fa48("2238", "2239"), (stryMutAct_9fa48("2241") ? world !== true : stryMutAct_9fa48("2240") ? true : (stryCov_9fa48("2240", "2241"), world === (stryMutAct_9fa48("2242") ? false : (stryCov_9fa48("2242"), true)))) && (stryMutAct_9fa48("2244") ? opened === undefined : stryMutAct_9fa48("2243") ? true : (stryCov_9fa48("2243", "2244"), opened !== undefined)))) && (stryMutAct_9fa48("2247") ? opened.length <= 0 : stryMutAct_9fa48("2246") ? opened.length >= 0 : stryMutAct_9fa48("2245") ? true : (stryCov_9fa48("2245", "2246", "2247"), opened.length > 0)))) {
              if (stryMutAct_9fa48("2248")) {
                {}
              } else {
                stryCov_9fa48("2248");
                if (stryMutAct_9fa48("2249")) {
                  ;
                } else {
                  stryCov_9fa48("2249");
                  report(stryMutAct_9fa48("2250") ? `` : (stryCov_9fa48("2250"), `${rule.label} opens ${describe(rule, opened)} to ${stryMutAct_9fa48("2251") ? rule.sources.join(" and ") : (stryCov_9fa48("2251"), rule.sources.filter(stryMutAct_9fa48("2252") ? () => undefined : (stryCov_9fa48("2252"), s => WORLD.has(s as string))).join(stryMutAct_9fa48("2253") ? "" : (stryCov_9fa48("2253"), " and ")))}. ${explain(opened)}`));
                }
              }
            }
          }
        }
      }
    };
    return validate;
  }
}
function describe(rule: Ingress, ports: number[]): string {
  if (stryMutAct_9fa48("2254")) {
    {}
  } else {
    stryCov_9fa48("2254");
    const protocol = stryMutAct_9fa48("2255") ? String(rule.protocol).toUpperCase() : (stryCov_9fa48("2255"), String(rule.protocol).toLowerCase());
    if (stryMutAct_9fa48("2257") ? false : stryMutAct_9fa48("2256") ? true : (stryCov_9fa48("2256", "2257"), ALL_PROTOCOLS.has(protocol))) {
      if (stryMutAct_9fa48("2258")) {
        {}
      } else {
        stryCov_9fa48("2258");
        return stryMutAct_9fa48("2259") ? `` : (stryCov_9fa48("2259"), `all traffic (including port ${ports.join(stryMutAct_9fa48("2260") ? "" : (stryCov_9fa48("2260"), ", "))})`);
      }
    }
    return stryMutAct_9fa48("2261") ? `` : (stryCov_9fa48("2261"), `${protocol} port ${ports.join(stryMutAct_9fa48("2262") ? "" : (stryCov_9fa48("2262"), ", "))}`);
  }
}