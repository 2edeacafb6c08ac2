// @ts-nocheck
// 
// A small IAM policy evaluator for the bootstrap's own documents: explicit deny
// wins, then any allow, else implicit deny. Actions and resources match with IAM's
// wildcards (* and ?, case-insensitive for actions); of conditions it knows
// StringEquals/StringLike/ArnEquals on the keys given in `context`, and treats a
// condition on a key absent from the context as not matching, as IAM does.

import { PolicyDocument, Statement } from "../../bootstrap/policies";

const list = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

function wildcard(pattern: string, value: string, ignoreCase = false): boolean {
    const re = new RegExp(
        "^" +
            pattern
                .replace(/[.+^${}()|[\]\\]/g, "\\$&")
                .replace(/\*/g, ".*")
                .replace(/\?/g, ".") +
            "$",
        ignoreCase ? "i" : "",
    );
    return re.test(value);
}

function conditionsHold(s: Statement, context: Record<string, string>): boolean {
    for (const [operator, entries] of Object.entries(s.Condition ?? {})) {
        for (const [key, expected] of Object.entries(entries)) {
            const actual = context[key];
            if (actual === undefined) return false;
            const values = list(expected);
            const ok =
                operator === "StringLike"
                    ? values.some((v) => wildcard(v, actual))
                    : operator === "StringEquals" || operator === "ArnEquals"
                      ? values.includes(actual)
                      : operator === "Bool"
                        ? values.includes(actual)
                        : false;
            if (!ok) return false;
        }
    }
    return true;
}

function applies(s: Statement, action: string, resource: string, context: Record<string, string>): boolean {
    const actionMatch = list(s.Action).some((a) => wildcard(a, action, true));
    const resourceMatch =
        s.NotResource !== undefined
            ? !list(s.NotResource).some((r) => wildcard(r, resource))
            : list(s.Resource).some((r) => wildcard(r, resource));
    return actionMatch && resourceMatch && conditionsHold(s, context);
}

export function isAllowed(
    docs: PolicyDocument[],
    action: string,
    resource: string,
    context: Record<string, string> = {},
): boolean {
    const statements = docs.flatMap((d) => d.Statement);
    if (statements.some((s) => s.Effect === "Deny" && applies(s, action, resource, context))) return false;
    return statements.some((s) => s.Effect === "Allow" && applies(s, action, resource, context));
}
