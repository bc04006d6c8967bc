/**
 * Reads a Dockerfile into what scripts/check-image.ts carries out: stages with their WORKDIR, COPY and RUN
 * steps, ENV and CMD. Only the instructions Greenlight's Dockerfile uses are understood; anything else is an
 * error, so the check cannot silently skip a step the image has.
 */

export type DockerStep =
  | { kind: "copy"; from: string | undefined; sources: string[]; destination: string }
  | { kind: "run"; command: string }
  /** An `apt-get install` RUN: the packages it installs (the rest of that RUN only trims the image). */
  | { kind: "packages"; packages: string[] };

export interface DockerStage {
  name: string;
  workdir: string;
  steps: DockerStep[];
  env: Record<string, string>;
  cmd: string[];
}

export function parseDockerfile(text: string): DockerStage[] {
  const stages: DockerStage[] = [];
  const instructions = text
    .replace(/\\\r?\n/g, " ")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"));
  for (const line of instructions) {
    const [, keyword = "", rest = ""] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    const stage = stages.at(-1);
    switch (keyword.toUpperCase()) {
      case "FROM": {
        const name = /\sAS\s+(\S+)$/i.exec(rest)?.[1] ?? `stage${stages.length}`;
        stages.push({ name, workdir: "/", steps: [], env: {}, cmd: [] });
        break;
      }
      case "WORKDIR":
        need(stage, line).workdir = rest;
        break;
      case "COPY": {
        const words = rest.split(/\s+/);
        const from = words[0]?.startsWith("--from=") ? words.shift()!.slice("--from=".length) : undefined;
        const destination = words.pop()!;
        need(stage, line).steps.push({ kind: "copy", from, sources: words, destination });
        break;
      }
      case "RUN":
        need(stage, line).steps.push(...runSteps(rest));
        break;
      case "ENV":
        for (const [, name, value] of rest.matchAll(/(\w+)=(\S+)/g)) need(stage, line).env[name!] = value!;
        break;
      case "CMD":
        need(stage, line).cmd = JSON.parse(rest) as string[];
        break;
      case "USER":
      case "EXPOSE":
        break;
      default:
        throw new Error(`Dockerfile: the image check does not know ${keyword}: ${line}`);
    }
  }
  return stages;
}

function runSteps(command: string): DockerStep[] {
  const install = /apt-get install((?:\s+[\w.+-]+)+)/.exec(command);
  if (install) {
    const packages = install[1]!
      .trim()
      .split(/\s+/)
      .filter((word) => !word.startsWith("-"));
    return [{ kind: "packages", packages }];
  }
  // Ownership is the image's business; the check runs as whoever runs it.
  const kept = command
    .split("&&")
    .map((part) => part.trim())
    .filter((part) => !part.startsWith("chown "));
  return [{ kind: "run", command: kept.join(" && ") }];
}

function need(stage: DockerStage | undefined, line: string): DockerStage {
  if (!stage) throw new Error(`Dockerfile: ${line} comes before FROM`);
  return stage;
}
