// Stryker ignorer for the policy pack's text (issue #18): mutants inside text
// that no policy decision reads are ignored, with the reason the report shows.
// https://stryker-mutator.io/docs/stryker-js/disable-mutants/#using-an-ignore-plugin
//
// Ignored (in policies/*.ts and policies/lib/*.ts):
// - the value of a `description` or `remediationSteps` property (the policy's
//   and the config schema's documentation, shown by the CLI and the console);
// - the arguments of a `compliance(...)` call (HIPAA section, topics, further
//   sections: the policy's framework/tags/url metadata; lib/compliance.ts
//   itself is tested);
// - the second argument of `validateResourceOfTypes(classes, what, ...)`,
//   which only names the resources in the "Policy only applies to" reason;
// - the `what`, `why` and `topics` of the spec passed to
//   `keyArgumentPolicy({...})` in encryption.ts (description, not-applicable
//   reason and tags; `cls` and `argument` decide and stay mutated).
// Violation messages are not ignored: the tests state what each must name.
import { declareValuePlugin, PluginKind } from "@stryker-mutator/api/plugin";

const TEXT_PROPERTIES = new Set(["description", "remediationSteps"]);
const SPEC_TEXT_PROPERTIES = new Set(["what", "why", "topics"]);

function keyName(node) {
    if (node.computed) {
        return undefined;
    }
    if (node.key.type === "Identifier") {
        return node.key.name;
    }
    return node.key.type === "StringLiteral" ? node.key.value : undefined;
}

function calleeName(call) {
    return call.callee.type === "Identifier" ? call.callee.name : undefined;
}

/** The reason to ignore the node at `path`, or undefined. */
export function policyTextReason(path) {
    const parent = path.parentPath;
    if (!parent) {
        return undefined;
    }
    if (parent.node.type === "ObjectProperty" && path.key === "value") {
        const key = keyName(parent.node);
        if (TEXT_PROPERTIES.has(key)) {
            return `policy text: the ${key} is documentation, no decision reads it`;
        }
        const object = parent.parentPath;
        const call = object?.parentPath;
        if (
            SPEC_TEXT_PROPERTIES.has(key) &&
            object.node.type === "ObjectExpression" &&
            call?.node.type === "CallExpression" &&
            calleeName(call.node) === "keyArgumentPolicy"
        ) {
            return `policy text: the spec's ${key} only feeds the description, reason and tags`;
        }
    }
    if (parent.node.type === "CallExpression" && path.listKey === "arguments") {
        const callee = calleeName(parent.node);
        if (callee === "compliance") {
            return "compliance metadata: the HIPAA sections and topics of a policy are its documentation";
        }
        if (callee === "validateResourceOfTypes" && path.key === 1) {
            return "policy text: `what` only names the resources in the not-applicable reason";
        }
    }
    return undefined;
}

export const strykerPlugins = [
    declareValuePlugin(PluginKind.Ignore, "policy-text", { shouldIgnore: policyTextReason }),
];
