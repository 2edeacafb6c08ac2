// @ts-nocheck
// 
// The stack configuration as `pulumi preview` builds and checks it
// (tools/cli-config.ts). The first block is the Pulumi CLI's own tests
// (pulumi v3.260.0 pkg/workspace/config_project_test.go and config_test.go),
// rewritten: the same project and stack files, the same expectations.

import * as assert from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import {
    checkProviderKeys,
    CliConfigError,
    loadProject,
    loadStackConfig,
    mergeConfig,
    parseYaml,
    Project,
    providerPackages,
    StackConfig,
    stackValue,
    toConfigMap,
    validateStackConfigValue,
} from "../tools/cli-config";
import { cliStackConfig, listStacks, ROOT } from "../tools/stack";

function files(projectYaml: string, stackYaml: string): { project: Project; stack: StackConfig } {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hms-cli-config-"));
    try {
        fs.writeFileSync(path.join(dir, "Pulumi.yaml"), projectYaml);
        fs.writeFileSync(path.join(dir, "Pulumi.dev.yaml"), stackYaml);
        const project = loadProject(path.join(dir, "Pulumi.yaml"));
        return { project, stack: loadStackConfig(path.join(dir, "Pulumi.dev.yaml"), project.name) };
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

/** ValidateStackConfigAndApplyProjectConfig on stack "dev": the merged config, or the error message. */
function validate(projectYaml: string, stackYaml: string): Record<string, string> | string {
    const { project, stack } = files(projectYaml, stackYaml);
    try {
        mergeConfig("dev", project, stack, true);
    } catch (e) {
        assert.ok(e instanceof CliConfigError, String(e));
        return e.message;
    }
    return toConfigMap(stack);
}

const refused = (projectYaml: string, message: RegExp | string) =>
    assert.throws(
        () => files(projectYaml, ""),
        (e: unknown) =>
            e instanceof CliConfigError &&
            (typeof message === "string" ? e.message === message : message.test(e.message)),
    );

describe("stack configuration as the Pulumi CLI checks it", () => {
    describe("the CLI's own cases (pkg/workspace/config_project_test.go, config_test.go)", () => {
        it("TestStackConfigIsInheritedFromProjectConfig", () => {
            const project =
                "name: test\nruntime: dotnet\nconfig:\n  instanceSize: t3.micro\n  instanceCount: 20\n  protect: true\n";
            assert.deepStrictEqual(validate(project, "config:\n  test:instanceSize: t4.large\n"), {
                "test:instanceCount": "20",
                "test:instanceSize": "t4.large",
                "test:protect": "true",
            });
        });

        it("TestNamespacedConfigValuesAreInheritedCorrectly", () => {
            const project =
                'name: test\nruntime: dotnet\nconfig:\n  aws:region: us-west-1\n  pulumi:disable-default-providers: ["*"]\n  instanceSize: t3.micro\n';
            const merged = validate(project, "config:\n  test:instanceSize: t4.large\n");
            assert.deepStrictEqual(merged, {
                "aws:region": "us-west-1",
                "pulumi:disable-default-providers": '["*"]',
                "test:instanceSize": "t4.large",
            });
        });

        it("TestLoadingStackConfigWithoutNamespacingTheProject", () => {
            const project = "name: test\nruntime: dotnet\nconfig:\n  aws:region: us-west-1\n  instanceSize: t3.micro\n";
            assert.deepStrictEqual(validate(project, "config:\n  instanceSize: t4.large\n"), {
                "aws:region": "us-west-1",
                "test:instanceSize": "t4.large",
            });
        });

        it("TestUntypedProjectConfigValuesAreNotValidated", () => {
            const project = "name: test\nruntime: dotnet\nconfig:\n  instanceSize: t3.micro\n  aws:region: us-west-1\n";
            assert.deepStrictEqual(validate(project, "config:\n  instanceSize: 9999\n  aws:region: 42\n"), {
                "aws:region": "42",
                "test:instanceSize": "9999",
            });
        });

        it("TestUntypedProjectConfigValuesWithOnlyDefaultOrOnlyValue", () => {
            const project =
                "name: test\nruntime: dotnet\nconfig:\n  instanceSize:\n    default: t3.micro\n  region:\n    value: us-west-1\n";
            assert.deepStrictEqual(validate(project, "config:\n  aws:answer: 42\n"), {
                "aws:answer": "42",
                "test:instanceSize": "t3.micro",
                "test:region": "us-west-1",
            });
        });

        it("TestUntypedStackConfigValuesDoNeedProjectDeclaration", () => {
            const project = "name: test\nruntime: dotnet\nconfig:\n  createVpc: true\n";
            assert.deepStrictEqual(validate(project, "config:\n  instanceSize: 42\n"), {
                "test:createVpc": "true",
                "test:instanceSize": "42",
            });
        });

        it("TestUntypedProjectConfigObjectValuesPassedDownToStack", () => {
            const project =
                "name: test\nruntime: dotnet\nconfig:\n  instanceSize:\n    value:\n      hello: world\n  aws:config:\n    value:\n      region: us-west-1\n";
            assert.deepStrictEqual(validate(project, "config:\n  aws:whatever: 42\n"), {
                "aws:config": '{"region":"us-west-1"}',
                "aws:whatever": "42",
                "test:instanceSize": '{"hello":"world"}',
            });
        });

        it("TestStackConfigErrorsWhenStackValueIsNotCorrectlyTyped", () => {
            const project =
                "name: test\nruntime: dotnet\nconfig:\n  values:\n    type: array\n    items:\n      type: string\n    default: [value]\n";
            assert.strictEqual(
                validate(project, "config:\n  test:values: someValue\n"),
                "Stack 'dev' with configuration key 'values' must be of type 'array<string>'",
            );
        });

        it("TestStackConfigIntegerTypeIsCorrectlyValidated", () => {
            const project = "name: test\nruntime: dotnet\nconfig:\n  importantNumber:\n    type: integer\n";
            assert.deepStrictEqual(validate(project, "config:\n  test:importantNumber: 20\n"), {
                "test:importantNumber": "20",
            });
            assert.strictEqual(
                validate(project, "config:\n  test:importantNumber: hello\n"),
                "Stack 'dev' with configuration key 'importantNumber' must be of type 'integer'",
            );
        });

        it("TestStackConfigErrorsWhenMissingStackValueForConfigTypeWithNoDefault", () => {
            const project =
                "name: test\nruntime: dotnet\nconfig:\n  values:\n    type: array\n    items:\n      type: string\n";
            assert.strictEqual(validate(project, ""), "Stack 'dev' is missing configuration value 'values'");
        });

        it("TestStackConfigErrorsWhenMissingTwoStackValueForConfigTypeWithNoDefault", () => {
            const project =
                "name: test\nruntime: dotnet\nconfig:\n  another:\n    type: string\n  values:\n    type: array\n    items:\n      type: string\n";
            assert.strictEqual(
                validate(project, ""),
                "Stack 'dev' is missing configuration values 'another' and 'values'",
            );
        });

        it("TestStackConfigErrorsWhenMissingMultipleStackValueForConfigTypeWithNoDefault", () => {
            const project =
                "name: test\nruntime: dotnet\nconfig:\n  hello:\n    type: integer\n  values:\n    type: array\n    items:\n      type: string\n  world:\n    type: string\n";
            assert.strictEqual(
                validate(project, ""),
                "Stack 'dev' is missing configuration values 'hello', 'values' and 'world'",
            );
        });

        it("TestStackConfigDoesNotErrorWhenProjectHasNotDefinedConfig", () => {
            assert.deepStrictEqual(
                validate("name: test\nruntime: dotnet\n", "config:\n  hello: 21\n  world: 42\n  another: 42\n"),
                {
                    "test:another": "42",
                    "test:hello": "21",
                    "test:world": "42",
                },
            );
        });

        it("TestStackConfigSecretIsCorrectlyValidated", () => {
            const project =
                "name: test\nruntime: dotnet\nconfig:\n  importantNumber:\n    type: integer\n    secret: true\n";
            const merged = validate(
                project,
                `config:\n  test:importantNumber:\n    secure: ${Buffer.from("20").toString("base64")}\n`,
            );
            assert.strictEqual(typeof merged, "object", String(merged));
            assert.strictEqual(
                validate(project, "config:\n  test:importantNumber: 20\n"),
                "Stack 'dev' with configuration key 'importantNumber' must be encrypted as it's secret",
            );
        });

        it("TestStackConfigUInt64", () => {
            assert.deepStrictEqual(
                validate("name: test\nruntime: dotnet\n", "config:\n  test:instanceSize: 18446744073709551615\n"),
                {
                    "test:instanceSize": "18446744073709551615",
                },
            );
        });

        it("TestValidateStackConfigValues: typed config validates (integer, boolean, secret string)", () => {
            const project: Project = {
                name: "testProject",
                config: {
                    testInt: { type: "integer" },
                    testBool: { type: "boolean" },
                    testSecret: { type: "string", secret: true },
                },
            };
            const stack: StackConfig = new Map([
                ["testProject:testInt", stackValue(1)],
                ["testProject:testBool", stackValue(true)],
                ["testProject:testSecret", stackValue({ secure: "dGVzdFZhbHVl" })],
            ]);
            assert.doesNotThrow(() => mergeConfig("stackA", project, stack, true));
        });

        it("TestValidateStackConfigValues: secret enforced, object unmarshal error, type mismatch", () => {
            const fails = (f: () => void, message: RegExp) =>
                assert.throws(f, (e: unknown) => e instanceof CliConfigError && message.test(e.message));
            fails(
                () => validateStackConfigValue("stack1", "proj:secretKey", { secret: true }, stackValue("plain")),
                /must be encrypted/,
            );
            fails(
                () =>
                    validateStackConfigValue(
                        "stackX",
                        "proj:objKey",
                        {},
                        { text: "not-a-json", secure: false, object: true },
                    ),
                /not valid JSON|Unexpected token/,
            );
            fails(
                () =>
                    validateStackConfigValue("stackX", "proj:typeKey", { type: "number" }, stackValue("not-a-number")),
                /must be of type/,
            );
        });
    });

    describe("Pulumi.yaml as Project.Validate checks it", () => {
        it("an array without items, a default of the wrong type, default and value together", () => {
            refused(
                "name: p\nconfig:\n  xs:\n    type: array\n",
                "The configuration key 'xs' declares an array but does not specify the underlying type via the 'items' attribute",
            );
            refused(
                "name: p\nconfig:\n  n:\n    type: integer\n    default: many\n",
                "The default value specified for configuration key 'n' is not of the expected type 'integer'",
            );
            refused(
                "name: p\nconfig:\n  n:\n    default: 1\n    value: 2\n",
                "project config 'n' cannot have both a 'default' and 'value' attribute",
            );
        });

        it("a provider key may only carry a value", () => {
            refused(
                "name: p\nconfig:\n  aws:region:\n    type: string\n",
                "Configuration key 'aws:region' is not namespaced by the project and should not define a type",
            );
            refused(
                "name: p\nconfig:\n  aws:region:\n    default: us-east-1\n",
                /^Configuration key 'aws:region' is not namespaced by the project and should not define a default value/,
            );
            refused(
                "name: p\nconfig:\n  aws:region:\n    description: where\n",
                "Configuration key 'aws:region' is namespaced and must provide an attribute 'value'",
            );
        });

        it("array items and objects are checked by kind; integers accept whole numbers and digit strings, booleans true/false", () => {
            const project =
                "name: t\nconfig:\n  ports:\n    type: array\n    items:\n      type: integer\n  tags:\n    type: object\n  on:\n    type: boolean\n";
            assert.strictEqual(
                typeof validate(project, "config:\n  t:ports: [80, 443]\n  t:tags: {a: b}\n  t:on: false\n"),
                "object",
            );
            assert.match(
                String(validate(project, "config:\n  t:ports: [80, http]\n  t:tags: {a: b}\n  t:on: false\n")),
                /'ports' must be of type 'array<integer>'/,
            );
            assert.match(
                String(validate(project, "config:\n  t:ports: [1.5]\n  t:tags: {a: b}\n  t:on: false\n")),
                /'ports' must be of type 'array<integer>'/,
            );
            assert.match(
                String(validate(project, "config:\n  t:ports: [80]\n  t:tags: [a]\n  t:on: false\n")),
                /'tags' must be of type 'object'/,
            );
            assert.match(
                String(validate(project, "config:\n  t:ports: [80]\n  t:tags: {}\n  t:on: yes\n")),
                /'on' must be of type 'boolean'/,
            );
        });

        it("a secret with a default fails (the default is not encrypted)", () => {
            assert.strictEqual(
                validate("name: t\nconfig:\n  key:\n    type: string\n    secret: true\n    default: x\n", ""),
                "Stack 'dev' with configuration key 'key' must be encrypted as it's secret",
            );
        });
    });

    describe("provider keys, as a bridged provider's CheckConfig refuses them", () => {
        const providers = providerPackages(ROOT);

        it("knows the namespaces of the provider packages the program depends on, with their keys", () => {
            const aws = providers.find((p) => p.name === "aws");
            assert.ok(aws && aws.keys.includes("region") && aws.keys.includes("defaultTags"), JSON.stringify(aws));
            assert.ok(providers.find((p) => p.name === "cloudflare")?.keys.includes("apiToken"));
        });

        it("refuses an unknown aws: key naming the nearest known one", () => {
            assert.throws(
                () => checkProviderKeys(new Map([["aws:regoin", stackValue("sa-east-1")]]), providers),
                (e: unknown) =>
                    e instanceof CliConfigError &&
                    /^pulumi:providers:aws resource 'default_\d+_\d+_\d+' has a problem: `aws:regoin` is not a valid configuration key for the aws provider\. Did you mean `aws:region`\?/.test(
                        e.message,
                    ),
            );
            assert.throws(
                () => checkProviderKeys(new Map([["cloudflare:apiTokn", stackValue("x")]]), providers),
                /Did you mean `cloudflare:apiToken`\?/,
            );
        });

        it("leaves known keys and other namespaces alone", () => {
            const ok: StackConfig = new Map([
                ["aws:region", stackValue("sa-east-1")],
                ["aws:defaultTags", stackValue({ tags: { a: "b" } })],
                ["hms:anything", stackValue("x")],
                ["pulumi:disable-default-providers", stackValue(["*"])],
            ]);
            assert.doesNotThrow(() => checkProviderKeys(ok, providers));
        });
    });

    describe("stack files that are not YAML", () => {
        const broken: Array<[string, string, number, RegExp]> = [
            ["a duplicate key", "config:\n  hms:appCount: 1\n  hms:appCount: 2\n", 3, /unique/],
            ["an unclosed quote", 'config:\n  hms:domain: "hms.example.org\n  hms:owner: me\n', 2, /quote/],
            ["a tab", "config:\n  hms:appCount: 1\n\thms:owner: me\n", 3, /[Tt]ab/],
        ];
        for (const [what, text, line, message] of broken) {
            it(`${what}: Pulumi.<stack>.yaml:<line>: <what>`, () => {
                assert.throws(
                    () => parseYaml(text, "/somewhere/Pulumi.staging.yaml"),
                    (e: unknown) =>
                        e instanceof CliConfigError &&
                        new RegExp(`^Pulumi\\.staging\\.yaml:${line}: `).test(e.message) &&
                        message.test(e.message),
                );
            });
        }

        it("npm run plan exits 2 with that one line, no stack trace, nothing planned", function () {
            this.timeout(120_000);
            const stack = "zz-broken-yaml";
            const file = path.join(ROOT, `Pulumi.${stack}.yaml`);
            fs.writeFileSync(file, "config:\n  aws:region: sa-east-1\n  aws:region: us-east-1\n");
            try {
                const r = spawnSync("npm", ["run", "--silent", "plan", "--", "--stack", stack], {
                    cwd: ROOT,
                    encoding: "utf8",
                    timeout: 120_000,
                });
                assert.strictEqual(r.status, 2, r.stderr);
                assert.deepStrictEqual(r.stderr.trim().split("\n"), [
                    `Pulumi.${stack}.yaml:3: Map keys must be unique`,
                ]);
                assert.strictEqual(r.stdout.trim(), "");
            } finally {
                fs.rmSync(file, { force: true });
            }
        });
    });

    describe("the stacks of this repository", () => {
        for (const stack of listStacks()) {
            it(`${stack} passes the CLI's checks`, () => {
                assert.doesNotThrow(
                    () => cliStackConfig(stack),
                    (e: Error) => `${e.message}`,
                );
            });
        }

        const refusal = (overrides: Record<string, unknown>) => {
            try {
                cliStackConfig("development", overrides);
            } catch (e) {
                assert.ok(e instanceof CliConfigError, String(e));
                return e.message;
            }
            return "accepted";
        };

        it("refuses a stack missing a required key, with a value of the wrong type, with an unknown aws: key", () => {
            const project = loadProject(path.join(ROOT, "Pulumi.yaml"));
            const required = Object.keys(project.config)
                .filter((k) => project.config[k].default === undefined && project.config[k].value === undefined)
                .sort();
            assert.ok(required.length > 0, "Pulumi.yaml declares required keys (the environment, the domain...)");
            assert.strictEqual(
                refusal({ [required[0]]: undefined }),
                `Stack 'development' is missing configuration value '${required[0]}'`,
            );
            const integer = Object.keys(project.config).find((k) => project.config[k].type === "integer")!;
            assert.strictEqual(
                refusal({ [integer]: "many" }),
                `Stack 'development' with configuration key '${integer}' must be of type 'integer'`,
            );
            const array = Object.keys(project.config).find((k) => project.config[k].type === "array")!;
            assert.match(
                refusal({ [array]: "one" }),
                new RegExp(`^Stack 'development' with configuration key '${array}' must be of type 'array<`),
            );
            assert.match(
                refusal({ "aws:regoin": "sa-east-1" }),
                /`aws:regoin` is not a valid configuration key for the aws provider\. Did you mean `aws:region`\?/,
            );
        });

        it("npm run plan runs the checks first: exit 2, one line in the CLI's words, nothing planned", function () {
            this.timeout(120_000);
            const r = spawnSync(
                "npm",
                [
                    "run",
                    "--silent",
                    "plan",
                    "--",
                    "--stack",
                    "development",
                    "--config",
                    "hms:environment=1",
                    "--config",
                    "aws:regoin=x",
                ],
                {
                    cwd: ROOT,
                    encoding: "utf8",
                    timeout: 120_000,
                },
            );
            assert.strictEqual(r.status, 2, r.stderr);
            assert.deepStrictEqual(r.stderr.trim().split("\n").length, 1, r.stderr);
            assert.match(
                r.stderr,
                /^error: pulumi:providers:aws resource 'default_[\d_]+' has a problem: `aws:regoin` is not a valid configuration key/,
            );
            assert.strictEqual(r.stdout.trim(), "");
        });
    });
});
