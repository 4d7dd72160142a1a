#!/usr/bin/env node
/* global console, process */
// Records, in package-lock.json, the platform-specific optional packages that the registry
// mirror this project installs from does not carry (npm then drops them from the lock, and
// `npm ci` refuses the lock as out of sync). Each missing optional dependency gets an entry
// with its os/cpu/libc, so npm skips it on every other platform without fetching it.
// Run after `npm install` changes the lock: `node scripts/lock-foreign-platforms.mjs`.
import { readFileSync, writeFileSync } from 'node:fs';

const PLATFORM = [
  [/android-arm64/, { os: ['android'], cpu: ['arm64'] }],
  [/darwin-arm64/, { os: ['darwin'], cpu: ['arm64'] }],
  [/darwin-x64/, { os: ['darwin'], cpu: ['x64'] }],
  [/linux-arm64-gnu/, { os: ['linux'], cpu: ['arm64'], libc: ['glibc'] }],
  [/linux-arm64-musl/, { os: ['linux'], cpu: ['arm64'], libc: ['musl'] }],
  [/linux-x64-gnu/, { os: ['linux'], cpu: ['x64'], libc: ['glibc'] }],
  [/linux-x64-musl/, { os: ['linux'], cpu: ['x64'], libc: ['musl'] }],
  [/wasm32-wasi/, { cpu: ['wasm32'] }],
  [/win32-arm64/, { os: ['win32'], cpu: ['arm64'] }],
  [/win32-x64/, { os: ['win32'], cpu: ['x64'] }],
];

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
let added = 0;
for (const [path, entry] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    if (lock.packages[key] || lock.packages[`${path}/${key}`]) continue;
    const platform = PLATFORM.find(([re]) => re.test(name))?.[1];
    if (!platform) {
      console.error(`lock: ${name} (optional dependency of ${path}) is missing and its platform is unknown`);
      process.exitCode = 1;
      continue;
    }
    lock.packages[key] = { version, ...platform, optional: true };
    added++;
  }
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
writeFileSync('package-lock.json', `${JSON.stringify(lock, null, 2)}\n`);
console.log(`lock: recorded ${added} optional package(s) for other platforms`);
