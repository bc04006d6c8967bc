import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { variables } from "../src/config/config.ts";
import { repoRoot } from "./helpers/child-process.ts";

// The variable names are a contract with deployments: every one the service reads is documented where an
// operator looks, with the same description.
const readme = readFileSync(`${repoRoot}README.md`, "utf8");
const envExample = readFileSync(`${repoRoot}.env.example`, "utf8");

describe("configuration documentation", () => {
  for (const [name, variable] of Object.entries(variables)) {
    it(`documents ${name} in the README table and in .env.example`, () => {
      expect(readme).toContain(`| \`${name}\` |`);
      const inExample = new RegExp(`^#? ?${name}=`, "m");
      expect(envExample).toMatch(inExample);
      expect(envExample).toContain(`# ${variable.description}`);
    });
  }
});
