"use strict";
// Policy configuration with the schema's defaults applied.
//
// The Pulumi CLI reconciles a pack's config before calling Configure: it fills
// every property from the schema's `default` and lays the user's
// `--policy-pack-config` values on top. Hosts that skip that step (an older
// CLI, a bare analyzer client) hand the policy `{}`; merging the defaults here
// keeps the policy's behaviour the same in both cases.
Object.defineProperty(exports, "__esModule", { value: true });
exports.MINIMUM_RETENTION_SCHEMA = void 0;
exports.configWithDefaults = configWithDefaults;
function configWithDefaults(schema, given) {
    const defaults = {};
    for (const [key, property] of Object.entries(schema.properties)) {
        // Stryker disable next-line ConditionalExpression: a boolean schema (`true`) has no default either
        if (typeof property === "object" && property.default !== undefined) {
            defaults[key] = property.default;
        }
    }
    const out = { ...defaults };
    for (const [key, value] of Object.entries(given)) {
        if (value !== undefined && value !== null) {
            out[key] = value;
        }
    }
    return out;
}
/** The shared backup retention setting (backup plans and database automated backups). */
exports.MINIMUM_RETENTION_SCHEMA = {
    properties: {
        minimumRetentionDays: {
            type: "integer",
            minimum: 1,
            default: 30,
            description: "Fewest days a recovery point, copy or automated database backup must be kept (the spec asks for 30).",
        },
    },
};
