// @ts-nocheck
// 
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
  /** IPv4 and IPv6 source ranges (unknown sentinels kept). */
  sources: unknown[];
  /** Whether the source list itself is unknown. */
  sourcesUnknown: boolean;
  label: string;
}
const WORLD = new Set(stryMutAct_9fa48("2132") ? [] : (stryCov_9fa48("2132"), [stryMutAct_9fa48("2133") ? "" : (stryCov_9fa48("2133"), "0.0.0.0/0"), stryMutAct_9fa48("2134") ? "" : (stryCov_9fa48("2134"), "::/0")]));
const ALL_PROTOCOLS = new Set(stryMutAct_9fa48("2135") ? [] : (stryCov_9fa48("2135"), [stryMutAct_9fa48("2136") ? "" : (stryCov_9fa48("2136"), "-1"), stryMutAct_9fa48("2137") ? "" : (stryCov_9fa48("2137"), "all")]));
const PORT_PROTOCOLS = new Set(stryMutAct_9fa48("2138") ? [] : (stryCov_9fa48("2138"), [stryMutAct_9fa48("2139") ? "" : (stryCov_9fa48("2139"), "tcp"), stryMutAct_9fa48("2140") ? "" : (stryCov_9fa48("2140"), "6"), stryMutAct_9fa48("2141") ? "" : (stryCov_9fa48("2141"), "udp"), stryMutAct_9fa48("2142") ? "" : (stryCov_9fa48("2142"), "17")]));

/** The ingress permissions a resource declares (empty for other types and egress rules). */
export function ingressOf(args: ResourceValidationArgs): Ingress[] | undefined {
  if (stryMutAct_9fa48("2143")) {
    {}
  } else {
    stryCov_9fa48("2143");
    const sg = args.asType(aws.ec2.SecurityGroup);
    if (stryMutAct_9fa48("2145") ? false : stryMutAct_9fa48("2144") ? true : (stryCov_9fa48("2144", "2145"), sg)) {
      if (stryMutAct_9fa48("2146")) {
        {}
      } else {
        stryCov_9fa48("2146");
        const p = plain(sg);
        if (stryMutAct_9fa48("2148") ? false : stryMutAct_9fa48("2147") ? true : (stryCov_9fa48("2147", "2148"), isUnknown(p.ingress))) {
          if (stryMutAct_9fa48("2149")) {
            {}
          } else {
            stryCov_9fa48("2149");
            return undefined;
          }
        }
        return asArray(p.ingress).map((raw, i) => {
          if (stryMutAct_9fa48("2150")) {
            {}
          } else {
            stryCov_9fa48("2150");
            const r = (isUnknown(raw) ? {} : raw) as aws.types.input.ec2.SecurityGroupIngress & {
              ipv6CidrBlocks?: string[];
            };
            return fromLists(isUnknown(raw) ? raw : r.protocol, r.fromPort, r.toPort, r.cidrBlocks, r.ipv6CidrBlocks, stryMutAct_9fa48("2151") ? `` : (stryCov_9fa48("2151"), `ingress[${i}]`));
          }
        });
      }
    }
    const rule = args.asType(aws.ec2.SecurityGroupRule);
    if (stryMutAct_9fa48("2153") ? false : stryMutAct_9fa48("2152") ? true : (stryCov_9fa48("2152", "2153"), rule)) {
      if (stryMutAct_9fa48("2154")) {
        {}
      } else {
        stryCov_9fa48("2154");
        const p = plain(rule);
        if (stryMutAct_9fa48("2156") ? false : stryMutAct_9fa48("2155") ? true : (stryCov_9fa48("2155", "2156"), isUnknown(p.type))) {
          if (stryMutAct_9fa48("2157")) {
            {}
          } else {
            stryCov_9fa48("2157");
            return stryMutAct_9fa48("2158") ? [] : (stryCov_9fa48("2158"), [fromLists(p.type, p.fromPort, p.toPort, p.cidrBlocks, p.ipv6CidrBlocks, stryMutAct_9fa48("2159") ? "" : (stryCov_9fa48("2159"), "rule"))]);
          }
        }
        return (stryMutAct_9fa48("2162") ? p.type !== "ingress" : stryMutAct_9fa48("2161") ? false : stryMutAct_9fa48("2160") ? true : (stryCov_9fa48("2160", "2161", "2162"), p.type === (stryMutAct_9fa48("2163") ? "" : (stryCov_9fa48("2163"), "ingress")))) ? stryMutAct_9fa48("2164") ? [] : (stryCov_9fa48("2164"), [fromLists(p.protocol, p.fromPort, p.toPort, p.cidrBlocks, p.ipv6CidrBlocks, stryMutAct_9fa48("2165") ? "" : (stryCov_9fa48("2165"), "rule"))]) : stryMutAct_9fa48("2166") ? ["Stryker was here"] : (stryCov_9fa48("2166"), []);
      }
    }
    const vpcRule = args.asType(aws.vpc.SecurityGroupIngressRule);
    if (stryMutAct_9fa48("2168") ? false : stryMutAct_9fa48("2167") ? true : (stryCov_9fa48("2167", "2168"), vpcRule)) {
      if (stryMutAct_9fa48("2169")) {
        {}
      } else {
        stryCov_9fa48("2169");
        const p = plain(vpcRule);
        const sources = stryMutAct_9fa48("2170") ? [p.cidrIpv4, p.cidrIpv6] : (stryCov_9fa48("2170"), (stryMutAct_9fa48("2171") ? [] : (stryCov_9fa48("2171"), [p.cidrIpv4, p.cidrIpv6])).filter(stryMutAct_9fa48("2172") ? () => undefined : (stryCov_9fa48("2172"), s => stryMutAct_9fa48("2175") ? s !== undefined || s !== null : stryMutAct_9fa48("2174") ? false : stryMutAct_9fa48("2173") ? true : (stryCov_9fa48("2173", "2174", "2175"), (stryMutAct_9fa48("2177") ? s === undefined : stryMutAct_9fa48("2176") ? true : (stryCov_9fa48("2176", "2177"), s !== undefined)) && (stryMutAct_9fa48("2179") ? s === null : stryMutAct_9fa48("2178") ? true : (stryCov_9fa48("2178", "2179"), s !== null))))));
        return stryMutAct_9fa48("2180") ? [] : (stryCov_9fa48("2180"), [stryMutAct_9fa48("2181") ? {} : (stryCov_9fa48("2181"), {
          protocol: p.ipProtocol,
          fromPort: p.fromPort,
          toPort: p.toPort,
          sources,
          sourcesUnknown: stryMutAct_9fa48("2182") ? true : (stryCov_9fa48("2182"), false),
          label: stryMutAct_9fa48("2183") ? "" : (stryCov_9fa48("2183"), "rule")
        })]);
      }
    }
    return stryMutAct_9fa48("2184") ? ["Stryker was here"] : (stryCov_9fa48("2184"), []);
  }
}
function fromLists(protocol: unknown, fromPort: unknown, toPort: unknown, v4: unknown, v6: unknown, label: string): Ingress {
  if (stryMutAct_9fa48("2185")) {
    {}
  } else {
    stryCov_9fa48("2185");
    const sourcesUnknown = stryMutAct_9fa48("2188") ? isUnknown(v4) && isUnknown(v6) : stryMutAct_9fa48("2187") ? false : stryMutAct_9fa48("2186") ? true : (stryCov_9fa48("2186", "2187", "2188"), isUnknown(v4) || isUnknown(v6));
    const sources = stryMutAct_9fa48("2189") ? [] : (stryCov_9fa48("2189"), [...(isUnknown(v4) ? stryMutAct_9fa48("2190") ? ["Stryker was here"] : (stryCov_9fa48("2190"), []) : asArray(v4)), ...(isUnknown(v6) ? stryMutAct_9fa48("2191") ? ["Stryker was here"] : (stryCov_9fa48("2191"), []) : asArray(v6))]);
    return stryMutAct_9fa48("2192") ? {} : (stryCov_9fa48("2192"), {
      protocol,
      fromPort,
      toPort,
      sources,
      sourcesUnknown,
      label
    });
  }
}

/** Whether the permission admits any address on the internet (0.0.0.0/0 or ::/0). */
function fromWorld(rule: Ingress): Tri {
  if (stryMutAct_9fa48("2193")) {
    {}
  } else {
    stryCov_9fa48("2193");
    if (stryMutAct_9fa48("2196") ? rule.sources.every(s => typeof s === "string" && WORLD.has(s)) : stryMutAct_9fa48("2195") ? false : stryMutAct_9fa48("2194") ? true : (stryCov_9fa48("2194", "2195", "2196"), rule.sources.some(stryMutAct_9fa48("2197") ? () => undefined : (stryCov_9fa48("2197"), s => stryMutAct_9fa48("2200") ? typeof s === "string" || WORLD.has(s) : stryMutAct_9fa48("2199") ? false : stryMutAct_9fa48("2198") ? true : (stryCov_9fa48("2198", "2199", "2200"), (stryMutAct_9fa48("2202") ? typeof s !== "string" : stryMutAct_9fa48("2201") ? true : (stryCov_9fa48("2201", "2202"), typeof s === (stryMutAct_9fa48("2203") ? "" : (stryCov_9fa48("2203"), "string")))) && WORLD.has(s)))))) {
      if (stryMutAct_9fa48("2204")) {
        {}
      } else {
        stryCov_9fa48("2204");
        return stryMutAct_9fa48("2205") ? false : (stryCov_9fa48("2205"), true);
      }
    }
    return (stryMutAct_9fa48("2208") ? rule.sourcesUnknown && rule.sources.some(isUnknown) : stryMutAct_9fa48("2207") ? false : stryMutAct_9fa48("2206") ? true : (stryCov_9fa48("2206", "2207", "2208"), rule.sourcesUnknown || (stryMutAct_9fa48("2209") ? rule.sources.every(isUnknown) : (stryCov_9fa48("2209"), rule.sources.some(isUnknown))))) ? undefined : stryMutAct_9fa48("2210") ? true : (stryCov_9fa48("2210"), false);
  }
}

/** Which of `ports` the permission opens (undefined when protocol or ports are unknown). */
function portsOpened(rule: Ingress, ports: number[]): number[] | undefined {
  if (stryMutAct_9fa48("2211")) {
    {}
  } else {
    stryCov_9fa48("2211");
    if (stryMutAct_9fa48("2213") ? false : stryMutAct_9fa48("2212") ? true : (stryCov_9fa48("2212", "2213"), isUnknown(rule.protocol))) {
      if (stryMutAct_9fa48("2214")) {
        {}
      } else {
        stryCov_9fa48("2214");
        return undefined;
      }
    }
    const protocol = stryMutAct_9fa48("2215") ? String(rule.protocol).toUpperCase() : (stryCov_9fa48("2215"), String(rule.protocol).toLowerCase());
    if (stryMutAct_9fa48("2217") ? false : stryMutAct_9fa48("2216") ? true : (stryCov_9fa48("2216", "2217"), ALL_PROTOCOLS.has(protocol))) {
      if (stryMutAct_9fa48("2218")) {
        {}
      } else {
        stryCov_9fa48("2218");
        return ports;
      }
    }
    if (stryMutAct_9fa48("2221") ? false : stryMutAct_9fa48("2220") ? true : stryMutAct_9fa48("2219") ? PORT_PROTOCOLS.has(protocol) : (stryCov_9fa48("2219", "2220", "2221"), !PORT_PROTOCOLS.has(protocol))) {
      if (stryMutAct_9fa48("2222")) {
        {}
      } else {
        stryCov_9fa48("2222");
        return stryMutAct_9fa48("2223") ? ["Stryker was here"] : (stryCov_9fa48("2223"), []); // icmp, esp, ...: no ports
      }
    }
    if (stryMutAct_9fa48("2226") ? isUnknown(rule.fromPort) && isUnknown(rule.toPort) : stryMutAct_9fa48("2225") ? false : stryMutAct_9fa48("2224") ? true : (stryCov_9fa48("2224", "2225", "2226"), isUnknown(rule.fromPort) || isUnknown(rule.toPort))) {
      if (stryMutAct_9fa48("2227")) {
        {}
      } else {
        stryCov_9fa48("2227");
        return undefined;
      }
    }
    const from = (stryMutAct_9fa48("2230") ? typeof rule.fromPort !== "number" : stryMutAct_9fa48("2229") ? false : stryMutAct_9fa48("2228") ? true : (stryCov_9fa48("2228", "2229", "2230"), typeof rule.fromPort === (stryMutAct_9fa48("2231") ? "" : (stryCov_9fa48("2231"), "number")))) ? rule.fromPort : 0;
    const to = (stryMutAct_9fa48("2234") ? typeof rule.toPort !== "number" : stryMutAct_9fa48("2233") ? false : stryMutAct_9fa48("2232") ? true : (stryCov_9fa48("2232", "2233", "2234"), typeof rule.toPort === (stryMutAct_9fa48("2235") ? "" : (stryCov_9fa48("2235"), "number")))) ? rule.toPort : 65535;
    // fromPort/toPort -1 with a port protocol means every port.
    if (stryMutAct_9fa48("2238") ? from === -1 && to === -1 : stryMutAct_9fa48("2237") ? false : stryMutAct_9fa48("2236") ? true : (stryCov_9fa48("2236", "2237", "2238"), (stryMutAct_9fa48("2240") ? from !== -1 : stryMutAct_9fa48("2239") ? false : (stryCov_9fa48("2239", "2240"), from === (stryMutAct_9fa48("2241") ? +1 : (stryCov_9fa48("2241"), -1)))) || (stryMutAct_9fa48("2243") ? to !== -1 : stryMutAct_9fa48("2242") ? false : (stryCov_9fa48("2242", "2243"), to === (stryMutAct_9fa48("2244") ? +1 : (stryCov_9fa48("2244"), -1)))))) {
      if (stryMutAct_9fa48("2245")) {
        {}
      } else {
        stryCov_9fa48("2245");
        return ports;
      }
    }
    return stryMutAct_9fa48("2246") ? ports : (stryCov_9fa48("2246"), ports.filter(stryMutAct_9fa48("2247") ? () => undefined : (stryCov_9fa48("2247"), port => stryMutAct_9fa48("2250") ? port >= from || port <= to : stryMutAct_9fa48("2249") ? false : stryMutAct_9fa48("2248") ? true : (stryCov_9fa48("2248", "2249", "2250"), (stryMutAct_9fa48("2253") ? port < from : stryMutAct_9fa48("2252") ? port > from : stryMutAct_9fa48("2251") ? true : (stryCov_9fa48("2251", "2252", "2253"), port >= from)) && (stryMutAct_9fa48("2256") ? port > to : stryMutAct_9fa48("2255") ? port < to : stryMutAct_9fa48("2254") ? true : (stryCov_9fa48("2254", "2255", "2256"), port <= to))))));
  }
}

/**
 * Builds a resource policy body that reports every ingress permission
 * opening one of `ports` to the internet. Unknown protocol, ports or sources
 * skip that permission (cannot tell yet).
 */
export function worldIngressValidator(ports: number[], explain: (ports: number[]) => string) {
  if (stryMutAct_9fa48("2257")) {
    {}
  } else {
    stryCov_9fa48("2257");
    const types: ResourceClass[] = stryMutAct_9fa48("2258") ? [] : (stryCov_9fa48("2258"), [aws.ec2.SecurityGroup, aws.ec2.SecurityGroupRule, aws.vpc.SecurityGroupIngressRule]);
    const validate: NonNullable<ResourceValidationPolicy["validateResource"]> = (args: ResourceValidationArgs, report: ReportViolation) => {
      if (stryMutAct_9fa48("2259")) {
        {}
      } else {
        stryCov_9fa48("2259");
        if (stryMutAct_9fa48("2262") ? false : stryMutAct_9fa48("2261") ? true : stryMutAct_9fa48("2260") ? types.some(t => args.isType(t)) : (stryCov_9fa48("2260", "2261", "2262"), !(stryMutAct_9fa48("2263") ? types.every(t => args.isType(t)) : (stryCov_9fa48("2263"), types.some(stryMutAct_9fa48("2264") ? () => undefined : (stryCov_9fa48("2264"), t => args.isType(t))))))) {
          if (stryMutAct_9fa48("2265")) {
            {}
          } else {
            stryCov_9fa48("2265");
            args.notApplicable(stryMutAct_9fa48("2267") ? "" : (stryCov_9fa48("2267"), "Policy only applies to security groups and their ingress rules"));
          }
        }
        for (const rule of stryMutAct_9fa48("2268") ? ingressOf(args) && [] : (stryCov_9fa48("2268"), ingressOf(args) ?? (stryMutAct_9fa48("2269") ? ["Stryker was here"] : (stryCov_9fa48("2269"), [])))) {
          if (stryMutAct_9fa48("2270")) {
            {}
          } else {
            stryCov_9fa48("2270");
            const world = fromWorld(rule);
            const opened = portsOpened(rule, ports);
            if (stryMutAct_9fa48("2273") ? world === true && opened !== undefined || opened.length > 0 : stryMutAct_9fa48("2272") ? false : stryMutAct_9fa48("2271") ? true : (stryCov_9fa48("2271", "2272", "2273"), (stryMutAct_9fa48("2275") ? world === true || opened !== undefined : stryMutAct_9fa48("2274") ? true : (stryCov_9fa48("2274", "2275"), (stryMutAct_9fa48("2277") ? world !== true : stryMutAct_9fa48("2276") ? true : (stryCov_9fa48("2276", "2277"), world === (stryMutAct_9fa48("2278") ? false : (stryCov_9fa48("2278"), true)))) && (stryMutAct_9fa48("2280") ? opened === undefined : stryMutAct_9fa48("2279") ? true : (stryCov_9fa48("2279", "2280"), opened !== undefined)))) && (stryMutAct_9fa48("2283") ? opened.length <= 0 : stryMutAct_9fa48("2282") ? opened.length >= 0 : stryMutAct_9fa48("2281") ? true : (stryCov_9fa48("2281", "2282", "2283"), opened.length > 0)))) {
              if (stryMutAct_9fa48("2284")) {
                {}
              } else {
                stryCov_9fa48("2284");
                report(stryMutAct_9fa48("2286") ? `` : (stryCov_9fa48("2286"), `${rule.label} opens ${describe(rule, opened)} to ${stryMutAct_9fa48("2287") ? rule.sources.join(" and ") : (stryCov_9fa48("2287"), rule.sources.filter(stryMutAct_9fa48("2288") ? () => undefined : (stryCov_9fa48("2288"), s => stryMutAct_9fa48("2291") ? typeof s === "string" || WORLD.has(s) : stryMutAct_9fa48("2290") ? false : stryMutAct_9fa48("2289") ? true : (stryCov_9fa48("2289", "2290", "2291"), (stryMutAct_9fa48("2293") ? typeof s !== "string" : stryMutAct_9fa48("2292") ? true : (stryCov_9fa48("2292", "2293"), typeof s === (stryMutAct_9fa48("2294") ? "" : (stryCov_9fa48("2294"), "string")))) && WORLD.has(s)))).join(stryMutAct_9fa48("2295") ? "" : (stryCov_9fa48("2295"), " and ")))}. ${explain(opened)}`));
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
  if (stryMutAct_9fa48("2296")) {
    {}
  } else {
    stryCov_9fa48("2296");
    const protocol = stryMutAct_9fa48("2297") ? String(rule.protocol).toUpperCase() : (stryCov_9fa48("2297"), String(rule.protocol).toLowerCase());
    if (stryMutAct_9fa48("2299") ? false : stryMutAct_9fa48("2298") ? true : (stryCov_9fa48("2298", "2299"), ALL_PROTOCOLS.has(protocol))) {
      if (stryMutAct_9fa48("2300")) {
        {}
      } else {
        stryCov_9fa48("2300");
        return stryMutAct_9fa48("2301") ? `` : (stryCov_9fa48("2301"), `all traffic (including port ${ports.join(stryMutAct_9fa48("2302") ? "" : (stryCov_9fa48("2302"), ", "))})`);
      }
    }
    return stryMutAct_9fa48("2303") ? `` : (stryCov_9fa48("2303"), `${protocol} port ${ports.join(stryMutAct_9fa48("2304") ? "" : (stryCov_9fa48("2304"), ", "))}`);
  }
}