// @ts-nocheck
// 
// ESLint flat configuration (https://eslint.org/docs/latest/use/configure/configuration-files).
// `npm run lint` checks the whole repository; formatting is Prettier's job
// (`npm run format:check`), so no stylistic rule is enabled here.
import js from "@eslint/js";
import pulumi from "@pulumi/eslint-plugin";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
    {
        ignores: ["**/node_modules/", "bin/", ".ci/node/", "plan-*.json", "plan-*.mmd"],
    },
    js.configs.recommended,
    ...tseslint.configs.recommended,
    {
        files: ["**/*.ts"],
        languageOptions: {
            // Type information for @pulumi/eslint-plugin, whose rules ask the
            // type checker whether a template literal interpolates an Output.
            // Every .ts file must belong to a tsconfig (root, policies/ or bootstrap/).
            parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
        },
        plugins: { "@pulumi": pulumi },
        rules: {
            // `${output}` renders "Calling [toString] on an [Output<T>] is not supported" into a
            // resource input instead of the value: use pulumi.interpolate or .apply.
            "@pulumi/no-output-in-template-literal": "error",
            "@pulumi/no-output-instance-in-template-literal": "error",
            // Parameters a signature requires but a body does not use are named `_x`
            // (mock callbacks, policy validators); tsc's noUnusedLocals covers locals too.
            "@typescript-eslint/no-unused-vars": [
                "error",
                { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" },
            ],
        },
    },
    {
        // Plain CommonJS scripts run by Node (tools/analyzer-preload.js).
        files: ["**/*.js", "**/*.cjs"],
        languageOptions: { sourceType: "commonjs", globals: globals.node },
        rules: {
            // CommonJS is what these files are: require() is their import.
            "@typescript-eslint/no-require-imports": "off",
        },
    },
    {
        files: ["**/*.mjs"],
        languageOptions: { sourceType: "module", globals: globals.node },
    },
);
