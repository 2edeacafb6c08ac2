// @ts-nocheck
// Servers: hardened instance metadata and a supported operating system
// (HIPAA 164.312(a)(1) access control, 164.308(a)(5)(ii)(B) protection from
// malicious software, 164.308(a)(1)(ii)(B) risk management; LGPD art. 46).
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
import { ResourceValidationPolicy, validateResourceOfType } from "@pulumi/policy";
import { compliance } from "./lib/compliance";
import { configWithDefaults } from "./lib/config";
import { tagValue } from "./lib/resources";
import { validateResourceOfTypes } from "./lib/validate";
import { isUnknown, plain } from "./lib/values";
export const ec2Imdsv2: ResourceValidationPolicy = stryMutAct_9fa48("1007") ? {} : (stryCov_9fa48("1007"), {
  name: stryMutAct_9fa48("1008") ? "" : (stryCov_9fa48("1008"), "ec2-imdsv2-required"),
  description: (stryMutAct_9fa48("1009") ? "" : (stryCov_9fa48("1009"), 'EC2 instances and launch templates require IMDSv2 session tokens (metadataOptions.httpTokens = "required") or turn ')) + (stryMutAct_9fa48("1010") ? "" : (stryCov_9fa48("1010"), "the metadata service off, so an SSRF bug in WordPress or a plugin cannot read the instance role's credentials.")),
  enforcementLevel: stryMutAct_9fa48("1011") ? "" : (stryCov_9fa48("1011"), "mandatory"),
  severity: stryMutAct_9fa48("1012") ? "" : (stryCov_9fa48("1012"), "high"),
  remediationSteps: (stryMutAct_9fa48("1013") ? "" : (stryCov_9fa48("1013"), 'Set metadataOptions: { httpEndpoint: "enabled", httpTokens: "required", httpPutResponseHopLimit: 1 } ')) + (stryMutAct_9fa48("1014") ? "" : (stryCov_9fa48("1014"), "(IMDS_V2_ONLY in components/ec2.ts).")),
  ...compliance(stryMutAct_9fa48("1015") ? "" : (stryCov_9fa48("1015"), "164.312(a)(1)"), stryMutAct_9fa48("1016") ? [] : (stryCov_9fa48("1016"), [stryMutAct_9fa48("1017") ? "" : (stryCov_9fa48("1017"), "ec2"), stryMutAct_9fa48("1018") ? "" : (stryCov_9fa48("1018"), "imds")])),
  validateResource: validateResourceOfTypes(stryMutAct_9fa48("1019") ? [] : (stryCov_9fa48("1019"), [aws.ec2.Instance, aws.ec2.LaunchTemplate]), stryMutAct_9fa48("1020") ? "" : (stryCov_9fa48("1020"), "EC2 instances and launch templates"), (args, report) => {
    if (stryMutAct_9fa48("1021")) {
      {}
    } else {
      stryCov_9fa48("1021");
      const p = plain(args.props) as {
        metadataOptions?: {
          httpTokens?: unknown;
          httpEndpoint?: unknown;
        };
        launchTemplate?: unknown;
      };
      const m = p.metadataOptions;
      if (stryMutAct_9fa48("1023") ? false : stryMutAct_9fa48("1022") ? true : (stryCov_9fa48("1022", "1023"), isUnknown(m))) {
        if (stryMutAct_9fa48("1024")) {
          {}
        } else {
          stryCov_9fa48("1024");
          return;
        }
      }
      if (stryMutAct_9fa48("1027") ? m === undefined && m === null : stryMutAct_9fa48("1026") ? false : stryMutAct_9fa48("1025") ? true : (stryCov_9fa48("1025", "1026", "1027"), (stryMutAct_9fa48("1029") ? m !== undefined : stryMutAct_9fa48("1028") ? false : (stryCov_9fa48("1028", "1029"), m === undefined)) || (stryMutAct_9fa48("1031") ? m !== null : stryMutAct_9fa48("1030") ? false : (stryCov_9fa48("1030", "1031"), m === null)))) {
        if (stryMutAct_9fa48("1032")) {
          {}
        } else {
          stryCov_9fa48("1032");
          if (stryMutAct_9fa48("1035") ? args.isType(aws.ec2.Instance) && p.launchTemplate !== undefined || p.launchTemplate !== null : stryMutAct_9fa48("1034") ? false : stryMutAct_9fa48("1033") ? true : (stryCov_9fa48("1033", "1034", "1035"), (stryMutAct_9fa48("1037") ? args.isType(aws.ec2.Instance) || p.launchTemplate !== undefined : stryMutAct_9fa48("1036") ? true : (stryCov_9fa48("1036", "1037"), args.isType(aws.ec2.Instance) && (stryMutAct_9fa48("1039") ? p.launchTemplate === undefined : stryMutAct_9fa48("1038") ? true : (stryCov_9fa48("1038", "1039"), p.launchTemplate !== undefined)))) && (stryMutAct_9fa48("1041") ? p.launchTemplate === null : stryMutAct_9fa48("1040") ? true : (stryCov_9fa48("1040", "1041"), p.launchTemplate !== null)))) {
            if (stryMutAct_9fa48("1042")) {
              {}
            } else {
              stryCov_9fa48("1042");
              return; // the launch template's metadata options apply; it is checked on its own
            }
          }
          report(stryMutAct_9fa48("1044") ? "" : (stryCov_9fa48("1044"), "metadataOptions is not set: the instance would accept IMDSv1 requests without a session token."));
          return;
        }
      }
      if (stryMutAct_9fa48("1047") ? (isUnknown(m.httpTokens) || isUnknown(m.httpEndpoint)) && m.httpEndpoint === "disabled" : stryMutAct_9fa48("1046") ? false : stryMutAct_9fa48("1045") ? true : (stryCov_9fa48("1045", "1046", "1047"), (stryMutAct_9fa48("1049") ? isUnknown(m.httpTokens) && isUnknown(m.httpEndpoint) : stryMutAct_9fa48("1048") ? false : (stryCov_9fa48("1048", "1049"), isUnknown(m.httpTokens) || isUnknown(m.httpEndpoint))) || (stryMutAct_9fa48("1051") ? m.httpEndpoint !== "disabled" : stryMutAct_9fa48("1050") ? false : (stryCov_9fa48("1050", "1051"), m.httpEndpoint === (stryMutAct_9fa48("1052") ? "" : (stryCov_9fa48("1052"), "disabled")))))) {
        if (stryMutAct_9fa48("1053")) {
          {}
        } else {
          stryCov_9fa48("1053");
          return;
        }
      }
      if (stryMutAct_9fa48("1056") ? m.httpTokens === "required" : stryMutAct_9fa48("1055") ? false : stryMutAct_9fa48("1054") ? true : (stryCov_9fa48("1054", "1055", "1056"), m.httpTokens !== (stryMutAct_9fa48("1057") ? "" : (stryCov_9fa48("1057"), "required")))) {
        if (stryMutAct_9fa48("1058")) {
          {}
        } else {
          stryCov_9fa48("1058");
          report(stryMutAct_9fa48("1060") ? `` : (stryCov_9fa48("1060"), `metadataOptions.httpTokens is ${(stryMutAct_9fa48("1063") ? m.httpTokens !== undefined : stryMutAct_9fa48("1062") ? false : stryMutAct_9fa48("1061") ? true : (stryCov_9fa48("1061", "1062", "1063"), m.httpTokens === undefined)) ? stryMutAct_9fa48("1064") ? "" : (stryCov_9fa48("1064"), "not set") : stryMutAct_9fa48("1065") ? `` : (stryCov_9fa48("1065"), `"${String(m.httpTokens)}"`)}; it must be "required" (IMDSv2 only).`));
        }
      }
    }
  })
});

/** Tag that compute tiers put on every instance, e.g. "Ubuntu 24.04 LTS". */
export const OPERATING_SYSTEM_TAG = stryMutAct_9fa48("1066") ? "" : (stryCov_9fa48("1066"), "OperatingSystem");

/**
 * End of standard (free) security maintenance of operating system releases.
 * Ubuntu: Canonical's release cycle (18.04 and 20.04 ended on 31 May 2023/2025;
 * later LTS releases are listed as April of release year + 5; interim
 * releases get 9 months). Amazon Linux: AWS's published end of support.
 */
const KNOWN_END_OF_SUPPORT: Record<string, string> = stryMutAct_9fa48("1067") ? {} : (stryCov_9fa48("1067"), {
  "ubuntu 14.04": stryMutAct_9fa48("1068") ? "" : (stryCov_9fa48("1068"), "2019-04-30"),
  "ubuntu 16.04": stryMutAct_9fa48("1069") ? "" : (stryCov_9fa48("1069"), "2021-04-30"),
  "ubuntu 18.04": stryMutAct_9fa48("1070") ? "" : (stryCov_9fa48("1070"), "2023-05-31"),
  "ubuntu 20.04": stryMutAct_9fa48("1071") ? "" : (stryCov_9fa48("1071"), "2025-05-31"),
  "ubuntu 22.04": stryMutAct_9fa48("1072") ? "" : (stryCov_9fa48("1072"), "2027-04-30"),
  "ubuntu 24.04": stryMutAct_9fa48("1073") ? "" : (stryCov_9fa48("1073"), "2029-04-30"),
  "amazon linux 2": stryMutAct_9fa48("1074") ? "" : (stryCov_9fa48("1074"), "2026-06-30"),
  "amazon linux 2023": stryMutAct_9fa48("1075") ? "" : (stryCov_9fa48("1075"), "2029-06-30")
});

/** The end of standard support of an OperatingSystem tag value, or undefined for an unrecognised system. */
export function endOfStandardSupport(os: string): {
  release: string;
  ends: string;
} | undefined {
  if (stryMutAct_9fa48("1076")) {
    {}
  } else {
    stryCov_9fa48("1076");
    const ubuntu = (stryMutAct_9fa48("1085") ? /ubuntu(?:\s+server)?\s+(\d{2})\.(\D{2})/i : stryMutAct_9fa48("1084") ? /ubuntu(?:\s+server)?\s+(\d{2})\.(\d)/i : stryMutAct_9fa48("1083") ? /ubuntu(?:\s+server)?\s+(\D{2})\.(\d{2})/i : stryMutAct_9fa48("1082") ? /ubuntu(?:\s+server)?\s+(\d)\.(\d{2})/i : stryMutAct_9fa48("1081") ? /ubuntu(?:\s+server)?\S+(\d{2})\.(\d{2})/i : stryMutAct_9fa48("1080") ? /ubuntu(?:\s+server)?\s(\d{2})\.(\d{2})/i : stryMutAct_9fa48("1079") ? /ubuntu(?:\S+server)?\s+(\d{2})\.(\d{2})/i : stryMutAct_9fa48("1078") ? /ubuntu(?:\sserver)?\s+(\d{2})\.(\d{2})/i : stryMutAct_9fa48("1077") ? /ubuntu(?:\s+server)\s+(\d{2})\.(\d{2})/i : (stryCov_9fa48("1077", "1078", "1079", "1080", "1081", "1082", "1083", "1084", "1085"), /ubuntu(?:\s+server)?\s+(\d{2})\.(\d{2})/i)).exec(os);
    if (stryMutAct_9fa48("1087") ? false : stryMutAct_9fa48("1086") ? true : (stryCov_9fa48("1086", "1087"), ubuntu)) {
      if (stryMutAct_9fa48("1088")) {
        {}
      } else {
        stryCov_9fa48("1088");
        const release = stryMutAct_9fa48("1089") ? `` : (stryCov_9fa48("1089"), `ubuntu ${ubuntu[1]}.${ubuntu[2]}`);
        const known = KNOWN_END_OF_SUPPORT[release];
        if (stryMutAct_9fa48("1091") ? false : stryMutAct_9fa48("1090") ? true : (stryCov_9fa48("1090", "1091"), known)) {
          if (stryMutAct_9fa48("1092")) {
            {}
          } else {
            stryCov_9fa48("1092");
            return stryMutAct_9fa48("1093") ? {} : (stryCov_9fa48("1093"), {
              release,
              ends: known
            });
          }
        }
        const year = stryMutAct_9fa48("1094") ? 2000 - Number(ubuntu[1]) : (stryCov_9fa48("1094"), 2000 + Number(ubuntu[1]));
        const month = Number(ubuntu[2]);
        const lts = stryMutAct_9fa48("1097") ? month === 4 || year % 2 === 0 : stryMutAct_9fa48("1096") ? false : stryMutAct_9fa48("1095") ? true : (stryCov_9fa48("1095", "1096", "1097"), (stryMutAct_9fa48("1099") ? month !== 4 : stryMutAct_9fa48("1098") ? true : (stryCov_9fa48("1098", "1099"), month === 4)) && (stryMutAct_9fa48("1101") ? year % 2 !== 0 : stryMutAct_9fa48("1100") ? true : (stryCov_9fa48("1100", "1101"), (stryMutAct_9fa48("1102") ? year * 2 : (stryCov_9fa48("1102"), year % 2)) === 0)));
        // LTS: end of April five years on; interim: the end of the month nine months after release.
        const end = lts ? new Date(Date.UTC(stryMutAct_9fa48("1103") ? year - 5 : (stryCov_9fa48("1103"), year + 5), 4, 0)) : new Date(Date.UTC(year, stryMutAct_9fa48("1104") ? month - 1 + 9 - 1 : (stryCov_9fa48("1104"), (stryMutAct_9fa48("1105") ? month - 1 - 9 : (stryCov_9fa48("1105"), (stryMutAct_9fa48("1106") ? month + 1 : (stryCov_9fa48("1106"), month - 1)) + 9)) + 1), 0));
        return stryMutAct_9fa48("1107") ? {} : (stryCov_9fa48("1107"), {
          release,
          ends: stryMutAct_9fa48("1108") ? end.toISOString() : (stryCov_9fa48("1108"), end.toISOString().slice(0, 10))
        });
      }
    }
    const amazon = (stryMutAct_9fa48("1112") ? /amazon\s+linux\S+(2023|2)\b/i : stryMutAct_9fa48("1111") ? /amazon\s+linux\s(2023|2)\b/i : stryMutAct_9fa48("1110") ? /amazon\S+linux\s+(2023|2)\b/i : stryMutAct_9fa48("1109") ? /amazon\slinux\s+(2023|2)\b/i : (stryCov_9fa48("1109", "1110", "1111", "1112"), /amazon\s+linux\s+(2023|2)\b/i)).exec(os);
    if (stryMutAct_9fa48("1114") ? false : stryMutAct_9fa48("1113") ? true : (stryCov_9fa48("1113", "1114"), amazon)) {
      if (stryMutAct_9fa48("1115")) {
        {}
      } else {
        stryCov_9fa48("1115");
        const release = stryMutAct_9fa48("1116") ? `` : (stryCov_9fa48("1116"), `amazon linux ${amazon[1]}`);
        return stryMutAct_9fa48("1117") ? {} : (stryCov_9fa48("1117"), {
          release,
          ends: KNOWN_END_OF_SUPPORT[release]
        });
      }
    }
    return undefined;
  }
}
interface OsSupportConfig {
  warnDaysBeforeEnd: number;
  asOf?: string;
}
const DAY_MS = stryMutAct_9fa48("1118") ? 24 * 60 * 60 / 1000 : (stryCov_9fa48("1118"), (stryMutAct_9fa48("1119") ? 24 * 60 / 60 : (stryCov_9fa48("1119"), (stryMutAct_9fa48("1120") ? 24 / 60 : (stryCov_9fa48("1120"), 24 * 60)) * 60)) * 1000);
export const osStandardSupport: ResourceValidationPolicy = stryMutAct_9fa48("1121") ? {} : (stryCov_9fa48("1121"), {
  name: stryMutAct_9fa48("1122") ? "" : (stryCov_9fa48("1122"), "os-standard-support"),
  description: (stryMutAct_9fa48("1123") ? `` : (stryCov_9fa48("1123"), `EC2 instances carry the tag ${OPERATING_SYSTEM_TAG} (e.g. "Ubuntu 24.04 LTS") and run a release inside its standard `)) + (stryMutAct_9fa48("1124") ? "" : (stryCov_9fa48("1124"), "security maintenance (Ubuntu 20.04 ended 2025-05-31, 18.04 in 2023); releases ending within warnDaysBeforeEnd days ")) + (stryMutAct_9fa48("1125") ? "" : (stryCov_9fa48("1125"), "are flagged too. Advisory: replacing an operating system is a planned migration, and the program itself refuses ")) + (stryMutAct_9fa48("1126") ? "" : (stryCov_9fa48("1126"), "releases past support (hms:ubuntuRelease).")),
  enforcementLevel: stryMutAct_9fa48("1127") ? "" : (stryCov_9fa48("1127"), "advisory"),
  severity: stryMutAct_9fa48("1128") ? "" : (stryCov_9fa48("1128"), "medium"),
  remediationSteps: (stryMutAct_9fa48("1129") ? `` : (stryCov_9fa48("1129"), `Tag the instance with ${OPERATING_SYSTEM_TAG} = "<distribution> <release>" and move it to a supported LTS release `)) + (stryMutAct_9fa48("1130") ? "" : (stryCov_9fa48("1130"), "(hms:ubuntuRelease 24.04), or subscribe it to extended security maintenance (Ubuntu Pro) until it moves.")),
  configSchema: stryMutAct_9fa48("1131") ? {} : (stryCov_9fa48("1131"), {
    properties: stryMutAct_9fa48("1132") ? {} : (stryCov_9fa48("1132"), {
      warnDaysBeforeEnd: stryMutAct_9fa48("1133") ? {} : (stryCov_9fa48("1133"), {
        type: stryMutAct_9fa48("1134") ? "" : (stryCov_9fa48("1134"), "integer"),
        minimum: 0,
        default: 180,
        description: stryMutAct_9fa48("1135") ? "" : (stryCov_9fa48("1135"), "Flag releases whose standard support ends within this many days.")
      }),
      asOf: stryMutAct_9fa48("1136") ? {} : (stryCov_9fa48("1136"), {
        type: stryMutAct_9fa48("1137") ? "" : (stryCov_9fa48("1137"), "string"),
        pattern: stryMutAct_9fa48("1138") ? "" : (stryCov_9fa48("1138"), "^\\d{4}-\\d{2}-\\d{2}$"),
        description: stryMutAct_9fa48("1139") ? "" : (stryCov_9fa48("1139"), "Evaluate support as of this date (YYYY-MM-DD) instead of today, e.g. to plan next quarter.")
      })
    })
  }),
  ...compliance(stryMutAct_9fa48("1140") ? "" : (stryCov_9fa48("1140"), "164.308(a)(5)(ii)(B)"), stryMutAct_9fa48("1141") ? [] : (stryCov_9fa48("1141"), [stryMutAct_9fa48("1142") ? "" : (stryCov_9fa48("1142"), "ec2"), stryMutAct_9fa48("1143") ? "" : (stryCov_9fa48("1143"), "operating-system"), stryMutAct_9fa48("1144") ? "" : (stryCov_9fa48("1144"), "patching")]), stryMutAct_9fa48("1145") ? [] : (stryCov_9fa48("1145"), [stryMutAct_9fa48("1146") ? "" : (stryCov_9fa48("1146"), "164.308(a)(1)(ii)(B)")])),
  validateResource: validateResourceOfType(aws.ec2.Instance, (_instance, args, report) => {
    if (stryMutAct_9fa48("1147")) {
      {}
    } else {
      stryCov_9fa48("1147");
      const cfg = configWithDefaults<OsSupportConfig>(osStandardSupport.configSchema!, args.getConfig<OsSupportConfig>());
      const os = tagValue(args, OPERATING_SYSTEM_TAG);
      if (stryMutAct_9fa48("1150") ? os !== undefined : stryMutAct_9fa48("1149") ? false : stryMutAct_9fa48("1148") ? true : (stryCov_9fa48("1148", "1149", "1150"), os === undefined)) {
        if (stryMutAct_9fa48("1151")) {
          {}
        } else {
          stryCov_9fa48("1151");
          return; // tags not known yet
        }
      }
      if (stryMutAct_9fa48("1154") ? os === null && os.trim() === "" : stryMutAct_9fa48("1153") ? false : stryMutAct_9fa48("1152") ? true : (stryCov_9fa48("1152", "1153", "1154"), (stryMutAct_9fa48("1156") ? os !== null : stryMutAct_9fa48("1155") ? false : (stryCov_9fa48("1155", "1156"), os === null)) || (stryMutAct_9fa48("1158") ? os.trim() !== "" : stryMutAct_9fa48("1157") ? false : (stryCov_9fa48("1157", "1158"), (stryMutAct_9fa48("1159") ? os : (stryCov_9fa48("1159"), os.trim())) === (stryMutAct_9fa48("1160") ? "Stryker was here!" : (stryCov_9fa48("1160"), "")))))) {
        if (stryMutAct_9fa48("1161")) {
          {}
        } else {
          stryCov_9fa48("1161");
          report(stryMutAct_9fa48("1163") ? `` : (stryCov_9fa48("1163"), `the instance has no ${OPERATING_SYSTEM_TAG} tag, so its operating system's support cannot be tracked.`));
          return;
        }
      }
      const support = endOfStandardSupport(os);
      if (stryMutAct_9fa48("1166") ? false : stryMutAct_9fa48("1165") ? true : stryMutAct_9fa48("1164") ? support : (stryCov_9fa48("1164", "1165", "1166"), !support)) {
        if (stryMutAct_9fa48("1167")) {
          {}
        } else {
          stryCov_9fa48("1167");
          report(stryMutAct_9fa48("1169") ? `` : (stryCov_9fa48("1169"), `${OPERATING_SYSTEM_TAG} = "${os}" is not a release this pack knows the support dates of (Ubuntu, Amazon Linux).`));
          return;
        }
      }
      const today = cfg.asOf ? Date.parse(stryMutAct_9fa48("1170") ? `` : (stryCov_9fa48("1170"), `${cfg.asOf}T00:00:00Z`)) : Date.now();
      const ends = Date.parse(stryMutAct_9fa48("1171") ? `` : (stryCov_9fa48("1171"), `${support.ends}T23:59:59Z`));
      if (stryMutAct_9fa48("1175") ? ends >= today : stryMutAct_9fa48("1174") ? ends <= today : stryMutAct_9fa48("1173") ? false : stryMutAct_9fa48("1172") ? true : (stryCov_9fa48("1172", "1173", "1174", "1175"), ends < today)) {
        if (stryMutAct_9fa48("1176")) {
          {}
        } else {
          stryCov_9fa48("1176");
          report(stryMutAct_9fa48("1178") ? `` : (stryCov_9fa48("1178"), `${os}: standard support ended on ${support.ends}; the release no longer gets free security updates.`));
        }
      } else if (stryMutAct_9fa48("1182") ? ends - today > cfg.warnDaysBeforeEnd * DAY_MS : stryMutAct_9fa48("1181") ? ends - today < cfg.warnDaysBeforeEnd * DAY_MS : stryMutAct_9fa48("1180") ? false : stryMutAct_9fa48("1179") ? true : (stryCov_9fa48("1179", "1180", "1181", "1182"), (stryMutAct_9fa48("1183") ? ends + today : (stryCov_9fa48("1183"), ends - today)) <= (stryMutAct_9fa48("1184") ? cfg.warnDaysBeforeEnd / DAY_MS : (stryCov_9fa48("1184"), cfg.warnDaysBeforeEnd * DAY_MS)))) {
        if (stryMutAct_9fa48("1185")) {
          {}
        } else {
          stryCov_9fa48("1185");
          report(stryMutAct_9fa48("1187") ? `` : (stryCov_9fa48("1187"), `${os}: standard support ends on ${support.ends}, within ${cfg.warnDaysBeforeEnd} days; plan the upgrade.`));
        }
      }
    }
  })
});