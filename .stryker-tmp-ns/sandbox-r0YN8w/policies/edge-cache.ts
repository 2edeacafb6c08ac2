// @ts-nocheck
// Clinical files are never kept at the edge: a zone that proxies the site has
// cache rules whose last word on every clinical-file path is "do not cache"
// (HIPAA 164.312(a)(1) access control, 164.312(e)(1) transmission security;
// LGPD art. 46). A cached medical image would be served to anyone who has its
// URL, and would outlive its deletion at the origin.
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
import { StackValidationPolicy } from "@pulumi/policy";
import { compliance } from "./lib/compliance";
import { configWithDefaults } from "./lib/config";
import { propsOf } from "./lib/resources";
import { asArray, isUnknown } from "./lib/values";
import { zoneKeyOf, zoneLabel, zonesOf } from "./lib/zones";
export const CACHE_PHASE = stryMutAct_9fa48("1294") ? "" : (stryCov_9fa48("1294"), "http_request_cache_settings");
export interface ClinicalEdgeCacheConfig {
  clinicalPathPrefixes: string[];
}
interface CacheRule {
  enabled?: unknown;
  action?: unknown;
  expression?: unknown;
  actionParameters?: {
    cache?: unknown;
  };
}

/** Whether a rule's expression names the path prefix (starts_with on the URI path). */
function namesPrefix(rule: CacheRule, prefix: string): boolean {
  if (stryMutAct_9fa48("1295")) {
    {}
  } else {
    stryCov_9fa48("1295");
    return (// Stryker disable next-line ConditionalExpression: defensive; the provider's schema gives a string
      stryMutAct_9fa48("1298") ?
      // Stryker disable next-line ConditionalExpression: defensive; the provider's schema gives a string
      typeof rule.expression === "string" || rule.expression.replace(/\s+/g, " ").includes(`starts_with(http.request.uri.path, ${JSON.stringify(prefix)})`) : (stryCov_9fa48("1298"), (stryMutAct_9fa48("1300") ? typeof rule.expression !== "string" : (stryCov_9fa48("1300"), typeof rule.expression === (stryMutAct_9fa48("1301") ? "" : (stryCov_9fa48("1301"), "string")))) && rule.expression.replace(stryMutAct_9fa48("1303") ? /\S+/g : stryMutAct_9fa48("1302") ? /\s/g : (stryCov_9fa48("1302", "1303"), /\s+/g), stryMutAct_9fa48("1304") ? "" : (stryCov_9fa48("1304"), " ")).includes(stryMutAct_9fa48("1305") ? `` : (stryCov_9fa48("1305"), `starts_with(http.request.uri.path, ${JSON.stringify(prefix)})`)))
    );
  }
}

/**
 * What is wrong with a cache ruleset for `prefix`, or undefined: cache rules
 * stack and the last matching rule wins, so the last enabled rule that names
 * the prefix must be a bypass (cache: false) and no enabled rule after it may
 * turn caching on (its expression could match the prefix too).
 */
export function clinicalCacheProblem(rules: CacheRule[], prefix: string): string | undefined {
  if (stryMutAct_9fa48("1306")) {
    {}
  } else {
    stryCov_9fa48("1306");
    // Stryker disable next-line ConditionalExpression: the cache settings phase accepts no other action
    const enabled = stryMutAct_9fa48("1307") ? rules : (stryCov_9fa48("1307"), rules.filter(stryMutAct_9fa48("1308") ? () => undefined : (stryCov_9fa48("1308"), r => stryMutAct_9fa48("1311") ? r.enabled !== false || r.action === "set_cache_settings" : (stryCov_9fa48("1311"), (stryMutAct_9fa48("1313") ? r.enabled === false : (stryCov_9fa48("1313"), r.enabled !== (stryMutAct_9fa48("1314") ? true : (stryCov_9fa48("1314"), false)))) && (stryMutAct_9fa48("1316") ? r.action !== "set_cache_settings" : (stryCov_9fa48("1316"), r.action === (stryMutAct_9fa48("1317") ? "" : (stryCov_9fa48("1317"), "set_cache_settings"))))))));
    let bypass = stryMutAct_9fa48("1318") ? +1 : (stryCov_9fa48("1318"), -1);
    enabled.forEach((r, i) => {
      if (stryMutAct_9fa48("1320")) {
        {}
      } else {
        stryCov_9fa48("1320");
        if (stryMutAct_9fa48("1323") ? namesPrefix(r, prefix) || r.actionParameters?.cache === false : stryMutAct_9fa48("1322") ? false : stryMutAct_9fa48("1321") ? true : (stryCov_9fa48("1321", "1322", "1323"), namesPrefix(r, prefix) && (stryMutAct_9fa48("1325") ? r.actionParameters?.cache !== false : stryMutAct_9fa48("1324") ? true : (stryCov_9fa48("1324", "1325"), (stryMutAct_9fa48("1326") ? r.actionParameters.cache : (stryCov_9fa48("1326"), r.actionParameters?.cache)) === (stryMutAct_9fa48("1327") ? true : (stryCov_9fa48("1327"), false)))))) {
          if (stryMutAct_9fa48("1328")) {
            {}
          } else {
            stryCov_9fa48("1328");
            bypass = i;
          }
        }
      }
    });
    if (stryMutAct_9fa48("1332") ? bypass >= 0 : stryMutAct_9fa48("1331") ? bypass <= 0 : stryMutAct_9fa48("1330") ? false : stryMutAct_9fa48("1329") ? true : (stryCov_9fa48("1329", "1330", "1331", "1332"), bypass < 0)) {
      if (stryMutAct_9fa48("1333")) {
        {}
      } else {
        stryCov_9fa48("1333");
        return stryMutAct_9fa48("1334") ? `` : (stryCov_9fa48("1334"), `no enabled cache rule bypasses the cache for ${prefix}`);
      }
    }
    const later = stryMutAct_9fa48("1335") ? enabled.find(r => r.actionParameters?.cache !== false) : (stryCov_9fa48("1335"), enabled.slice(stryMutAct_9fa48("1336") ? bypass - 1 : (stryCov_9fa48("1336"), bypass + 1)).find(stryMutAct_9fa48("1337") ? () => undefined : (stryCov_9fa48("1337"), r => stryMutAct_9fa48("1340") ? r.actionParameters?.cache === false : stryMutAct_9fa48("1339") ? false : stryMutAct_9fa48("1338") ? true : (stryCov_9fa48("1338", "1339", "1340"), (stryMutAct_9fa48("1341") ? r.actionParameters.cache : (stryCov_9fa48("1341"), r.actionParameters?.cache)) !== (stryMutAct_9fa48("1342") ? true : (stryCov_9fa48("1342"), false))))));
    return later ? // Stryker disable next-line MethodExpression: text only (the message quotes at most 80 characters of the expression)
    stryMutAct_9fa48("1343") ? `` : (stryCov_9fa48("1343"), `a later cache rule (${String(later.expression).slice(0, 80)}) may cache ${prefix} again`) : undefined;
  }
}
export const clinicalFilesNotCached: StackValidationPolicy = stryMutAct_9fa48("1345") ? {} : (stryCov_9fa48("1345"), {
  name: stryMutAct_9fa48("1346") ? "" : (stryCov_9fa48("1346"), "clinical-files-not-cached-at-edge"),
  description: (stryMutAct_9fa48("1347") ? `` : (stryCov_9fa48("1347"), `Every Cloudflare zone with proxied DNS records has a cloudflare.Ruleset of phase ${CACHE_PHASE} whose last enabled `)) + (stryMutAct_9fa48("1348") ? "" : (stryCov_9fa48("1348"), 'rule naming each clinical-file path prefix (starts_with(http.request.uri.path, "<prefix>")) sets cache: false, ')) + (stryMutAct_9fa48("1349") ? "" : (stryCov_9fa48("1349"), "with no enabled rule after it that caches.")),
  enforcementLevel: stryMutAct_9fa48("1350") ? "" : (stryCov_9fa48("1350"), "mandatory"),
  severity: stryMutAct_9fa48("1351") ? "" : (stryCov_9fa48("1351"), "critical"),
  remediationSteps: (stryMutAct_9fa48("1352") ? `` : (stryCov_9fa48("1352"), `Make the last rule of the ${CACHE_PHASE} ruleset { action: "set_cache_settings", actionParameters: { cache: false }, `)) + (stryMutAct_9fa48("1353") ? "" : (stryCov_9fa48("1353"), 'expression: "(starts_with(http.request.uri.path, \\"/clinical-files/\\") or ...)" }; serve clinical files only ')) + (stryMutAct_9fa48("1354") ? "" : (stryCov_9fa48("1354"), "through the application's authorisation with Cache-Control: private, no-store.")),
  configSchema: stryMutAct_9fa48("1355") ? {} : (stryCov_9fa48("1355"), {
    properties: stryMutAct_9fa48("1356") ? {} : (stryCov_9fa48("1356"), {
      clinicalPathPrefixes: stryMutAct_9fa48("1357") ? {} : (stryCov_9fa48("1357"), {
        type: stryMutAct_9fa48("1358") ? "" : (stryCov_9fa48("1358"), "array"),
        items: stryMutAct_9fa48("1359") ? {} : (stryCov_9fa48("1359"), {
          type: stryMutAct_9fa48("1360") ? "" : (stryCov_9fa48("1360"), "string"),
          pattern: stryMutAct_9fa48("1361") ? "" : (stryCov_9fa48("1361"), "^/[A-Za-z0-9._~/-]*/$")
        }),
        minItems: 1,
        default: stryMutAct_9fa48("1362") ? [] : (stryCov_9fa48("1362"), [stryMutAct_9fa48("1363") ? "" : (stryCov_9fa48("1363"), "/clinical-files/")]),
        description: stryMutAct_9fa48("1364") ? "" : (stryCov_9fa48("1364"), "URL path prefixes under which the site serves clinical files (medical images, patient documents).")
      })
    })
  }),
  ...compliance(stryMutAct_9fa48("1365") ? "" : (stryCov_9fa48("1365"), "164.312(a)(1)"), stryMutAct_9fa48("1366") ? [] : (stryCov_9fa48("1366"), [stryMutAct_9fa48("1367") ? "" : (stryCov_9fa48("1367"), "cloudflare"), stryMutAct_9fa48("1368") ? "" : (stryCov_9fa48("1368"), "cache"), stryMutAct_9fa48("1369") ? "" : (stryCov_9fa48("1369"), "clinical-files")]), stryMutAct_9fa48("1370") ? [] : (stryCov_9fa48("1370"), [stryMutAct_9fa48("1371") ? "" : (stryCov_9fa48("1371"), "164.312(e)(1)")])),
  validateStack: (args, report) => {
    if (stryMutAct_9fa48("1372")) {
      {}
    } else {
      stryCov_9fa48("1372");
      const {
        clinicalPathPrefixes
      } = configWithDefaults<ClinicalEdgeCacheConfig>(clinicalFilesNotCached.configSchema!, args.getConfig<ClinicalEdgeCacheConfig>());
      // Stryker disable next-line MethodExpression: only Cloudflare resources have a zone key, and only rulesets a phase
      const rulesets = args.resources.filter(stryMutAct_9fa48("1374") ? () => undefined : (stryCov_9fa48("1374"), r => r.isType(cloudflare.Ruleset)));
      let anyProxied = stryMutAct_9fa48("1375") ? true : (stryCov_9fa48("1375"), false);
      for (const [key, members] of zonesOf(args.resources)) {
        if (stryMutAct_9fa48("1376")) {
          {}
        } else {
          stryCov_9fa48("1376");
          const proxied = stryMutAct_9fa48("1377") ? members : (stryCov_9fa48("1377"), members.filter(stryMutAct_9fa48("1378") ? () => undefined : (stryCov_9fa48("1378"), m => stryMutAct_9fa48("1381") ? m.isType(cloudflare.DnsRecord) || propsOf(m).proxied === true : stryMutAct_9fa48("1380") ? false : stryMutAct_9fa48("1379") ? true : (stryCov_9fa48("1379", "1380", "1381"), m.isType(cloudflare.DnsRecord) && (stryMutAct_9fa48("1383") ? propsOf(m).proxied !== true : stryMutAct_9fa48("1382") ? true : (stryCov_9fa48("1382", "1383"), propsOf(m).proxied === (stryMutAct_9fa48("1384") ? false : (stryCov_9fa48("1384"), true))))))));
          if (stryMutAct_9fa48("1387") ? proxied.length !== 0 : stryMutAct_9fa48("1386") ? false : stryMutAct_9fa48("1385") ? true : (stryCov_9fa48("1385", "1386", "1387"), proxied.length === 0)) {
            if (stryMutAct_9fa48("1388")) {
              {}
            } else {
              stryCov_9fa48("1388");
              continue;
            }
          }
          anyProxied = stryMutAct_9fa48("1389") ? false : (stryCov_9fa48("1389"), true);
          const cache = stryMutAct_9fa48("1390") ? rulesets : (stryCov_9fa48("1390"), rulesets.filter(stryMutAct_9fa48("1391") ? () => undefined : (stryCov_9fa48("1391"), r => stryMutAct_9fa48("1394") ? zoneKeyOf(r) === key || propsOf(r).phase === CACHE_PHASE : stryMutAct_9fa48("1393") ? false : stryMutAct_9fa48("1392") ? true : (stryCov_9fa48("1392", "1393", "1394"), (stryMutAct_9fa48("1396") ? zoneKeyOf(r) !== key : stryMutAct_9fa48("1395") ? true : (stryCov_9fa48("1395", "1396"), zoneKeyOf(r) === key)) && (stryMutAct_9fa48("1398") ? propsOf(r).phase !== CACHE_PHASE : stryMutAct_9fa48("1397") ? true : (stryCov_9fa48("1397", "1398"), propsOf(r).phase === CACHE_PHASE))))));
          if (stryMutAct_9fa48("1401") ? cache.every(r => isUnknown(propsOf(r).rules)) : stryMutAct_9fa48("1400") ? false : stryMutAct_9fa48("1399") ? true : (stryCov_9fa48("1399", "1400", "1401"), cache.some(stryMutAct_9fa48("1402") ? () => undefined : (stryCov_9fa48("1402"), r => isUnknown(propsOf(r).rules))))) {
            if (stryMutAct_9fa48("1403")) {
              {}
            } else {
              stryCov_9fa48("1403");
              continue; // not known before the update
            }
          }
          if (stryMutAct_9fa48("1406") ? cache.length !== 0 : stryMutAct_9fa48("1405") ? false : stryMutAct_9fa48("1404") ? true : (stryCov_9fa48("1404", "1405", "1406"), cache.length === 0)) {
            if (stryMutAct_9fa48("1407")) {
              {}
            } else {
              stryCov_9fa48("1407");
              report((stryMutAct_9fa48("1409") ? `` : (stryCov_9fa48("1409"), `zone ${zoneLabel(key, members)} has no ${CACHE_PHASE} ruleset: Cloudflare's default caching would keep `)) + (stryMutAct_9fa48("1410") ? `` : (stryCov_9fa48("1410"), `images and PDFs under ${clinicalPathPrefixes.join(stryMutAct_9fa48("1411") ? "" : (stryCov_9fa48("1411"), ", "))}.`)), proxied[0].urn);
              continue;
            }
          }
          for (const ruleset of cache) {
            if (stryMutAct_9fa48("1412")) {
              {}
            } else {
              stryCov_9fa48("1412");
              const rules = asArray(propsOf(ruleset).rules) as CacheRule[];
              for (const prefix of clinicalPathPrefixes) {
                if (stryMutAct_9fa48("1413")) {
                  {}
                } else {
                  stryCov_9fa48("1413");
                  const problem = clinicalCacheProblem(rules, prefix);
                  if (stryMutAct_9fa48("1415") ? false : stryMutAct_9fa48("1414") ? true : (stryCov_9fa48("1414", "1415"), problem)) {
                    if (stryMutAct_9fa48("1416")) {
                      {}
                    } else {
                      stryCov_9fa48("1416");
                      report(stryMutAct_9fa48("1418") ? `` : (stryCov_9fa48("1418"), `cache ruleset ${ruleset.name}: ${problem}; clinical files could be served from the edge.`), ruleset.urn);
                    }
                  }
                }
              }
            }
          }
        }
      }
      if (stryMutAct_9fa48("1421") ? false : stryMutAct_9fa48("1420") ? true : stryMutAct_9fa48("1419") ? anyProxied : (stryCov_9fa48("1419", "1420", "1421"), !anyProxied)) {
        if (stryMutAct_9fa48("1422")) {
          {}
        } else {
          stryCov_9fa48("1422");
          args.notApplicable(stryMutAct_9fa48("1424") ? "" : (stryCov_9fa48("1424"), "no proxied DNS records"));
        }
      }
    }
  }
});